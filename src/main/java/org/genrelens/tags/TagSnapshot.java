package org.genrelens.tags;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every tag of one file, field by field, as bytes: which tags the file carries (e.g. {@code ID3v2.3}, {@code ID3v1},
 * {@code APE}) and, keyed {@code "TAG FIELD"}, each field's values in file order. What a genre write must leave as
 * it found, apart from the genre fields themselves.
 *
 * @param tags   the tags present, in the order they were found
 * @param fields field key to its values (hex of the field's bytes), genre fields included
 */
record TagSnapshot(List<String> tags, SortedMap<String, List<String>> fields) {

    TagSnapshot {
        tags = List.copyOf(tags);
        SortedMap<String, List<String>> copy = new TreeMap<>();
        fields.forEach((key, values) -> copy.put(key, List.copyOf(values)));
        fields = copy;
    }

    /** Whether a field key names a genre field (ID3 TCON/TCO, Vorbis GENRE, MP4 ©gen/gnre). */
    static boolean isGenre(String key) {
        String field = key.substring(key.indexOf(' ') + 1);
        return field.equals("TCON") || field.equals("TCO") || field.equalsIgnoreCase("GENRE")
                || field.equals("\u00a9gen") || field.equals("gnre");
    }

    /**
     * How {@code after} differs from this snapshot apart from genre fields, one phrase per field ("ID3v2.3 TDAT
     * removed"); empty when only genres changed. A tag named in {@code createdTags} may be new in {@code after}; its
     * fields are the writer's own (the genre, and copies of an ID3v1 tag's fields in an ID3v2 tag made to hold it).
     */
    List<String> differencesBesideGenre(TagSnapshot after, Set<String> createdTags) {
        List<String> differences = new ArrayList<>();
        for (String tag : tags) {
            if (!after.tags.contains(tag)) {
                differences.add(tag + " tag removed");
            }
        }
        for (String tag : after.tags) {
            if (!tags.contains(tag) && !createdTags.contains(tag)) {
                differences.add(tag + " tag added");
            }
        }
        TreeSet<String> keys = new TreeSet<>(fields.keySet());
        keys.addAll(after.fields.keySet());
        for (String key : keys) {
            if (isGenre(key)) {
                continue;
            }
            List<String> was = fields.get(key);
            List<String> now = after.fields.get(key);
            if (was == null && !tags.contains(tag(key)) && createdTags.contains(tag(key))) {
                continue;
            }
            if (was == null) {
                differences.add(key + " added");
            } else if (now == null) {
                differences.add(key + " removed");
            } else if (!was.equals(now)) {
                differences.add(key + " changed");
            }
        }
        return differences;
    }

    /** Like {@link #differencesBesideGenre(TagSnapshot, Set)} with no created tag allowed. */
    List<String> differencesBesideGenre(TagSnapshot after) {
        return differencesBesideGenre(after, Set.of());
    }

    private static String tag(String key) {
        return key.substring(0, key.indexOf(' '));
    }

    /** SHA-256 of everything but the genre fields: what undo checks the restored file against. */
    String digestBesideGenre() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(String.join("\n", tags).getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, List<String>> field : fields.entrySet()) {
                if (!isGenre(field.getKey())) {
                    sha.update(("\0" + field.getKey() + "=" + String.join(",", field.getValue()))
                            .getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    static String show(List<String> differences) {
        Objects.requireNonNull(differences, "differences");
        int shown = Math.min(differences.size(), 6);
        String text = String.join(", ", differences.subList(0, shown));
        return differences.size() > shown ? text + " and " + (differences.size() - shown) + " more" : text;
    }
}
