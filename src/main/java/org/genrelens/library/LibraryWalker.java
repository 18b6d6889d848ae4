package org.genrelens.library;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genrelens.task.Cancellation;

/**
 * Lists every regular file under the roots: follows symbolic links (music folders are often linked together)
 * but not loops, skips hidden files and folders unless asked, and reports folders it may not read instead of
 * failing. Whether a file is audio is decided later, by its content.
 *
 * <p>A file reached by several paths (a symbolic link to a file that is also in the library, hard links, two roots
 * that overlap through a link) is listed once: as two tracks, tagging one would make the other "changed since it
 * was scanned". The path kept is the one not through a link, else the first in path order.
 */
final class LibraryWalker {

    private static final System.Logger LOG = System.getLogger(LibraryWalker.class.getName());

    /** One file and the root it was found under. */
    record Found(Path file, Path root) {
    }

    /** The files in path order, the roots that could be walked, and the paths that could not be read. */
    record Listing(List<Found> files, List<Path> walkedRoots, Map<Path, String> problems) {
    }

    private final boolean includeHidden;

    LibraryWalker(boolean includeHidden) {
        this.includeHidden = includeHidden;
    }

    Listing list(List<Path> roots, Cancellation cancellation) {
        Map<Path, Found> files = new LinkedHashMap<>();
        Map<Object, Path> byIdentity = new HashMap<>();
        List<Path> walked = new ArrayList<>();
        Map<Path, String> problems = new LinkedHashMap<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                // an unmounted drive must not turn its whole library GONE: the root is reported, not walked
                problems.put(root, Files.exists(root) ? "not a folder" : "no such folder (is the drive mounted?)");
                continue;
            }
            try {
                Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                        visitor(root, files, byIdentity, problems, cancellation));
                walked.add(root);
            } catch (IOException e) {
                problems.put(root, "cannot read folder: " + e.getMessage());
            }
        }
        List<Found> sorted = new ArrayList<>(files.values());
        sorted.sort(Comparator.comparing(Found::file));
        return new Listing(List.copyOf(sorted), List.copyOf(walked), problems);
    }

    private SimpleFileVisitor<Path> visitor(Path root, Map<Path, Found> files, Map<Object, Path> byIdentity,
            Map<Path, String> problems, Cancellation cancellation) {
        return new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                cancellation.throwIfCancelled();
                return !dir.equals(root) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (!attributes.isRegularFile() || hidden(file) || files.containsKey(file)) {
                    return FileVisitResult.CONTINUE; // nested roots: the first root keeps it
                }
                Object identity = identity(file, attributes);
                Path earlier = byIdentity.putIfAbsent(identity, file);
                if (earlier == null) {
                    files.put(file, new Found(file, root));
                } else if (preferred(file, earlier)) {
                    files.remove(earlier);
                    files.put(file, new Found(file, root));
                    byIdentity.put(identity, file);
                    LOG.log(System.Logger.Level.INFO, "{0}: the same file as {1}, listed once", earlier, file);
                } else {
                    LOG.log(System.Logger.Level.INFO, "{0}: the same file as {1}, listed once", file, earlier);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                if (e instanceof FileSystemLoopException) {
                    LOG.log(System.Logger.Level.INFO, "{0}: symbolic link loop, not followed", file);
                } else {
                    problems.put(file, "cannot read: " + e.getClass().getSimpleName() + " " + e.getMessage());
                }
                return FileVisitResult.CONTINUE;
            }
        };
    }

    /** The file itself (device and inode where the platform has them), whatever path reached it. */
    private static Object identity(Path file, BasicFileAttributes attributes) {
        if (attributes.fileKey() != null) {
            return attributes.fileKey();
        }
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file;
        }
    }

    /** A path not through a link wins over one through a link; otherwise the first in path order. */
    private static boolean preferred(Path candidate, Path earlier) {
        boolean candidateDirect = direct(candidate);
        if (candidateDirect != direct(earlier)) {
            return candidateDirect;
        }
        return candidate.compareTo(earlier) < 0;
    }

    private static boolean direct(Path file) {
        try {
            return file.toRealPath().equals(file.toAbsolutePath().normalize());
        } catch (IOException e) {
            return false;
        }
    }

    private boolean hidden(Path path) {
        if (includeHidden) {
            return false;
        }
        Path name = path.getFileName();
        if (name != null && name.toString().startsWith(".")) {
            return true;
        }
        try {
            return Files.isHidden(path); // the DOS attribute on Windows; the name elsewhere
        } catch (IOException e) {
            return false;
        }
    }
}
