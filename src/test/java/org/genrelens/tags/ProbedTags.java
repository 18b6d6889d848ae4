package org.genrelens.tags;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A file's tags and streams as ffprobe (another program than the one under test) reads them, genre left out: the
 * view of the file's fields that a tag write must not change.
 *
 * @param tags    container tags by key, without genre
 * @param streams codec of every stream, cover art included
 */
record ProbedTags(Map<String, String> tags, List<String> streams) {

    static ProbedTags of(Path file) throws IOException, InterruptedException {
        Path out = Files.createTempFile("ffprobe", ".json");
        try {
            Process p = new ProcessBuilder("ffprobe", "-v", "error", "-show_entries", "format_tags:stream=codec_name",
                    "-of", "json", file.toString()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("ffprobe failed on " + file + ": " + Files.readString(out));
            }
            JsonNode json = new ObjectMapper().readTree(out.toFile());
            Map<String, String> tags = new TreeMap<>();
            json.path("format").path("tags").fields().forEachRemaining(e -> {
                if (!e.getKey().equalsIgnoreCase("genre")) {
                    tags.put(e.getKey(), e.getValue().asText());
                }
            });
            List<String> streams = new ArrayList<>();
            json.path("streams").forEach(s -> streams.add(s.path("codec_name").asText()));
            return new ProbedTags(tags, streams);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
