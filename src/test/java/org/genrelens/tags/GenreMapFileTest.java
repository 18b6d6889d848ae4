package org.genrelens.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenreMapFileTest {

    @TempDir
    Path dir;

    @Test
    void aMissingFileMeansTheBuiltInGenres() throws Exception {
        assertEquals(GenreMap.defaults(), GenreMapFile.read(dir.resolve(GenreMapFile.FILE_NAME)));
    }

    @Test
    void aWrittenMapReadsBackEqual() throws Exception {
        Path file = dir.resolve("sub").resolve(GenreMapFile.FILE_NAME);
        GenreMap map = GenreMap.defaults().withGenre("shoegaze", "Shoegaze").withParent("shoegaze", "rock")
                .withParent("shoegaze", "alternative").withAlias("shoegaze", "Shoegazing");
        GenreMapFile.write(file, map);
        assertEquals(map, GenreMapFile.read(file));
    }

    @Test
    void aMisspeltKeyIsRefusedWithTheKeyNamed() throws Exception {
        Path file = write("{\"genres\": [{\"name\": \"rock\", \"alias\": [\"Rock Music\"]}]}");
        var e = assertThrows(GenreMapFile.InvalidGenreMapException.class, () -> GenreMapFile.read(file));
        assertTrue(e.getMessage().contains("genres[0].alias: unknown key"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void wrongTypesMissingNamesAndUnknownParentsAreRefusedWithWhere() throws Exception {
        assertRefused("{\"genres\": [{\"name\": \"rock\", \"aliases\": [1]}]}", "genres[0].aliases[0]: expected a string");
        assertRefused("{\"genres\": [{\"display\": \"Rock\"}]}", "genres[0].name: missing");
        assertRefused("{\"genres\": [{\"name\": \"techno\", \"parents\": [\"electronic\"]}]}",
                "the parent 'electronic' of techno is not a genre");
        assertRefused("{\"genre\": []}", "genre: unknown key");
        assertRefused("{\"genres\": [{\"name\": \"a\", \"name\": \"b\"}]}", "not valid JSON");
        assertRefused("{\"genres\": [{\"name\": \"hiphop\"}, {\"name\": \"Hip Hop\"}]}", "would mean both");
    }

    private void assertRefused(String json, String expected) throws Exception {
        Path file = write(json);
        var e = assertThrows(GenreMapFile.InvalidGenreMapException.class, () -> GenreMapFile.read(file));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private Path write(String json) throws Exception {
        return Files.writeString(dir.resolve(GenreMapFile.FILE_NAME), json);
    }
}
