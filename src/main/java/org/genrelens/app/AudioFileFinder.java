package org.genrelens.app;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Expands command-line paths into audio files: a file is taken as given (the decoder judges it); a folder is
 * walked recursively, following links but not loops, keeping files whose extension is an audio format.
 */
public final class AudioFileFinder {

    /** Files found, in a stable order, and paths that could not be read with the reason. */
    public record Found(List<Path> files, Map<Path, String> problems) {
    }

    private final Set<String> audioExtensions;

    public AudioFileFinder(Set<String> audioExtensions) {
        this.audioExtensions = Set.copyOf(audioExtensions);
    }

    public Found find(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        Map<Path, String> problems = new LinkedHashMap<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                walk(path, files, problems);
            } else if (Files.exists(path)) {
                files.add(path);
            } else {
                problems.put(path, "no such file or folder");
            }
        }
        return new Found(List.copyOf(files), problems);
    }

    private void walk(Path root, List<Path> files, Map<Path, String> problems) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                            if (attributes.isRegularFile() && isAudioName(file)) {
                                found.add(file);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            if (!(e instanceof FileSystemLoopException)) {
                                problems.put(file, "cannot read: " + e.getMessage());
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            problems.put(root, "cannot read folder: " + e.getMessage());
        }
        found.sort(null);
        files.addAll(found);
    }

    private boolean isAudioName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && audioExtensions.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
