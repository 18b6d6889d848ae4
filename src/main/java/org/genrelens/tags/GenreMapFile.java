package org.genrelens.tags;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The genre map as a JSON file in the data folder ({@value #FILE_NAME}, beside settings.json). Read strictly: an
 * unknown or misspelt key, a wrong type or an inconsistent map is refused with the key named, never half-used. A
 * missing file means the built-in defaults.
 *
 * <pre>{"genres": [{"name": "hiphop", "display": "Hip-Hop", "aliases": ["Hip Hop"], "parents": []}, ...]}</pre>
 */
public final class GenreMapFile {

    public static final String FILE_NAME = "genres.json";

    /** A genre map file that cannot be used, with the file and the key that is wrong. */
    public static final class InvalidGenreMapException extends IOException {
        public InvalidGenreMapException(Path file, String where, String problem) {
            super(file + ": " + (where.isEmpty() ? "" : where + ": ") + problem
                    + "; fix the file or delete it to start again from the built-in genres");
        }
    }

    private static final Set<String> TOP_KEYS = Set.of("genres");
    private static final Set<String> GENRE_KEYS = Set.of("name", "display", "aliases", "parents");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private GenreMapFile() {
    }

    /** The map in the file, or the built-in defaults when there is no file. */
    public static GenreMap read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return GenreMap.defaults();
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new InvalidGenreMapException(file, "", "not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidGenreMapException(file, "", "expected an object with a \"genres\" list");
        }
        requireKnownKeys(file, root, TOP_KEYS, "");
        JsonNode list = root.get("genres");
        if (list == null || !list.isArray()) {
            throw new InvalidGenreMapException(file, "genres", "expected a list of genres");
        }
        List<GenreMap.Genre> genres = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = "genres[" + i + "]";
            JsonNode entry = list.get(i);
            if (!entry.isObject()) {
                throw new InvalidGenreMapException(file, where, "expected an object");
            }
            requireKnownKeys(file, entry, GENRE_KEYS, where);
            String name = text(file, entry, "name", where, true);
            try {
                genres.add(new GenreMap.Genre(name, text(file, entry, "display", where, false),
                        texts(file, entry, "aliases", where), texts(file, entry, "parents", where)));
            } catch (IllegalArgumentException e) {
                throw new InvalidGenreMapException(file, where, e.getMessage());
            }
        }
        try {
            return new GenreMap(genres);
        } catch (IllegalArgumentException e) {
            throw new InvalidGenreMapException(file, "genres", e.getMessage());
        }
    }

    /** Writes the map to a temporary file and renames it, so a crash never leaves half a map. */
    public static void write(Path file, GenreMap map) throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temporary = absolute.resolveSibling(absolute.getFileName() + ".tmp");
        Files.writeString(temporary, toJson(map));
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The map as the file holds it. */
    public static String toJson(GenreMap map) throws JsonProcessingException {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("genres");
        for (GenreMap.Genre genre : map.genres()) {
            ObjectNode entry = list.addObject();
            entry.put("name", genre.name());
            entry.put("display", genre.display());
            genre.aliases().forEach(entry.putArray("aliases")::add);
            genre.parents().forEach(entry.putArray("parents")::add);
        }
        return JSON.writeValueAsString(root) + System.lineSeparator();
    }

    private static void requireKnownKeys(Path file, JsonNode node, Set<String> known, String where)
            throws InvalidGenreMapException {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                throw new InvalidGenreMapException(file, where.isEmpty() ? key : where + "." + key,
                        "unknown key; expected one of " + known.stream().sorted().toList());
            }
        }
    }

    private static String text(Path file, JsonNode entry, String key, String where, boolean required)
            throws InvalidGenreMapException {
        JsonNode value = entry.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                throw new InvalidGenreMapException(file, where + "." + key, "missing");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidGenreMapException(file, where + "." + key, "expected a string");
        }
        return value.textValue();
    }

    private static List<String> texts(Path file, JsonNode entry, String key, String where)
            throws InvalidGenreMapException {
        JsonNode value = entry.get(key);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new InvalidGenreMapException(file, where + "." + key, "expected a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual()) {
                throw new InvalidGenreMapException(file, where + "." + key + "[" + i + "]", "expected a string");
            }
            out.add(value.get(i).textValue());
        }
        return out;
    }
}
