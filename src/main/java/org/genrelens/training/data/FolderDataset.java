package org.genrelens.training.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A folder-per-genre tree: {@code <root>/<genre>/...audio}. Also accepts GTZAN's layouts, where the genre
 * folders sit under {@code genres/} (original) or {@code genres_original/} (Kaggle copy).
 */
public final class FolderDataset {

    private FolderDataset() {
    }

    /** Every audio file under each genre folder, genres and files in name order. */
    public static List<LabeledClip> scan(Path root, Set<String> audioExtensions) throws IOException {
        Path genres = genreRoot(root);
        List<LabeledClip> clips = new ArrayList<>();
        for (Path genreFolder : sortedChildren(genres)) {
            if (!Files.isDirectory(genreFolder) || genreFolder.getFileName().toString().startsWith(".")) {
                continue;
            }
            String genre = genreFolder.getFileName().toString();
            // links are followed: a genre folder is often a link to where the music really lives
            try (Stream<Path> files = Files.walk(genreFolder, FileVisitOption.FOLLOW_LINKS)) {
                files.filter(Files::isRegularFile)
                        .filter(file -> hasExtension(file, audioExtensions))
                        .sorted()
                        .forEach(file -> clips.add(new LabeledClip(file, genre)));
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof FileSystemLoopException loop) {
                    throw new IOException("the genre folder " + genreFolder + " links back into itself at "
                            + loop.getFile() + "; remove that link", loop);
                }
                throw e.getCause();
            }
        }
        if (clips.isEmpty()) {
            throw new IOException("no audio files in genre folders under " + genres
                    + " (expected <genre>/<file> folders, or GTZAN's genres/<genre>/<genre>.000NN.au)");
        }
        return List.copyOf(clips);
    }

    private static Path genreRoot(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException("dataset folder not found: " + root);
        }
        for (String layout : List.of("genres", "genres_original")) {
            if (Files.isDirectory(root.resolve(layout))) {
                return root.resolve(layout);
            }
        }
        return root;
    }

    private static List<Path> sortedChildren(Path folder) throws IOException {
        try (Stream<Path> children = Files.list(folder)) {
            return children.sorted().toList();
        }
    }

    private static boolean hasExtension(Path file, Set<String> extensions) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && extensions.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
