package org.genrelens.tags;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the journal keeps about one file write besides the change, recorded before the file is touched: the file
 * really written (a symbolic link's target), the temporary copy and, for a file written in place, the backup copy
 * that exist while the write runs (so the next run can remove them, or restore the file after a crash), and the
 * file's tags before the write (so undo can check that it gave back exactly those).
 *
 * @param target       the real path written
 * @param temp         the hidden temporary copy being tagged
 * @param backup       the full copy of the original in the journal's work folder, or null when the write renames
 *                     over the original instead of writing in place
 * @param tagsBefore   the tags the file held ({@link TagSnapshot#tags()})
 * @param digestBefore {@link TagSnapshot#digestBesideGenre()} before the write
 */
public record WriteRecord(Path target, Path temp, Path backup, List<String> tagsBefore, String digestBefore) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public WriteRecord {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(temp, "temp");
        tagsBefore = List.copyOf(tagsBefore);
        Objects.requireNonNull(digestBefore, "digestBefore");
    }

    public boolean inPlace() {
        return backup != null;
    }

    /** One line of JSON, as journals store it. */
    public String toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("target", target.toString());
        node.put("temp", temp.toString());
        if (backup != null) {
            node.put("backup", backup.toString());
        }
        tagsBefore.forEach(node.putArray("tagsBefore")::add);
        node.put("digestBefore", digestBefore);
        return node.toString();
    }

    public static WriteRecord fromJson(String json) {
        try {
            return of(JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("not a write record: " + json, e);
        }
    }

    static WriteRecord of(JsonNode node) {
        List<String> tags = new ArrayList<>();
        node.path("tagsBefore").forEach(tag -> tags.add(tag.asText()));
        JsonNode backup = node.get("backup");
        return new WriteRecord(Path.of(node.get("target").asText()), Path.of(node.get("temp").asText()),
                backup == null ? null : Path.of(backup.asText()), tags, node.get("digestBefore").asText());
    }
}
