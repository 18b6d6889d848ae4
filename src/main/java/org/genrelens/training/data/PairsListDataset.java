package org.genrelens.training.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A list of (file, genre) pairs: how users train on their own tagged library, or add genres GTZAN lacks.
 * One pair per line, {@code path<TAB>genre} or {@code path,genre}; an optional header {@code path,genre},
 * {@code #} comments and blank lines are ignored. Relative paths resolve against the list's own folder, so a
 * list travels with its music.
 */
public final class PairsListDataset {

    /** A line of the list that is not a (file, genre) pair; the message names the file and the line. */
    public static final class InvalidPairsListException extends IOException {
        private final Path list;
        private final int line;

        InvalidPairsListException(Path list, int line, String problem) {
            super(list + " line " + line + ": " + problem);
            this.list = list;
            this.line = line;
        }

        public Path list() {
            return list;
        }

        /** 1-based. */
        public int line() {
            return line;
        }
    }

    private PairsListDataset() {
    }

    /** The clips of the list, in its order. */
    public static List<LabeledClip> read(Path list) throws IOException {
        List<String> lines = Files.readAllLines(list, StandardCharsets.UTF_8);
        Path base = list.toAbsolutePath().normalize().getParent();
        List<LabeledClip> clips = new ArrayList<>();
        Map<Path, Integer> lineOf = new HashMap<>();
        boolean headerAllowed = true;
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            String line = lines.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip(); // a byte-order mark from spreadsheet exports
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (headerAllowed && isHeader(line)) {
                headerAllowed = false;
                continue;
            }
            headerAllowed = false;
            LabeledClip clip = parse(list, number, line, base);
            Integer earlier = lineOf.putIfAbsent(clip.file(), number);
            if (earlier != null) {
                throw new InvalidPairsListException(list, number, clip.file() + " is already listed on line "
                        + earlier + "; list each file once");
            }
            clips.add(clip);
        }
        if (clips.isEmpty()) {
            throw new InvalidPairsListException(list, lines.size(), "the list has no (file, genre) pairs; write one "
                    + "'path<TAB>genre' or 'path,genre' per line");
        }
        return List.copyOf(clips);
    }

    private static boolean isHeader(String line) {
        String normalized = line.toLowerCase(Locale.ROOT).replace(" ", "");
        return normalized.equals("path,genre") || normalized.equals("path\tgenre");
    }

    private static LabeledClip parse(Path list, int number, String line, Path base) throws IOException {
        // a tab wins; otherwise the last comma, since file names contain commas far more often than genres do
        int separator = line.indexOf('\t');
        if (separator < 0) {
            separator = line.lastIndexOf(',');
        }
        if (separator < 0) {
            throw new InvalidPairsListException(list, number, "'" + line + "' has no genre; write "
                    + "'path<TAB>genre' or 'path,genre'");
        }
        String path = line.substring(0, separator).strip();
        String genre = line.substring(separator + 1).strip();
        if (path.isEmpty()) {
            throw new InvalidPairsListException(list, number, "'" + line + "' has no file path before the genre");
        }
        if (genre.isEmpty() || genre.contains("\t")) {
            throw new InvalidPairsListException(list, number, "'" + line + "' needs exactly one genre after the path");
        }
        try {
            return new LabeledClip(base.resolve(path).normalize(), genre);
        } catch (InvalidPathException e) {
            throw new InvalidPairsListException(list, number, "'" + path + "' is not a valid file path ("
                    + e.getReason() + ")");
        }
    }
}
