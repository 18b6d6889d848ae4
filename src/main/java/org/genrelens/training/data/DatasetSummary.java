package org.genrelens.training.data;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Provenance of a training set: clips per genre and a hash of exactly which clips were used. */
public final class DatasetSummary {

    private DatasetSummary() {
    }

    public static Map<String, Integer> countsByGenre(List<LabeledClip> clips) {
        Map<String, Integer> counts = new TreeMap<>();
        clips.forEach(clip -> counts.merge(clip.genre(), 1, Integer::sum));
        return counts;
    }

    /** The path below the dataset root, or "generated/<file name>" for clips made elsewhere (temp folders). */
    private static String stableName(Path base, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        String name = absolute.startsWith(base) ? base.relativize(absolute).toString()
                : "generated/" + absolute.getFileName();
        return name.replace('\\', '/');
    }

    /** SHA-256 over the sorted "genre/relative path" lines: equal when the same clips were used. */
    public static String listHash(Path root, List<LabeledClip> clips) {
        Path base = root.toAbsolutePath().normalize();
        List<String> lines = clips.stream()
                .map(clip -> clip.genre() + "\t" + stableName(base, clip.file()))
                .sorted()
                .toList();
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String line : lines) {
                digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
