package org.genrelens.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.genrelens.tags.GenreMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceGenresTest {

    @Test
    void theGenreMapLivesBesideTheSettingsAndSurvivesAReopen(@TempDir Path dir) throws Exception {
        AppPaths paths = AppPaths.inFolder(dir, Optional.empty());
        assertEquals(dir.resolve("genres.json"), paths.genreMap());
        try (Workspace workspace = Workspace.open(paths)) {
            assertEquals(GenreMap.defaults(), workspace.genreMap());
            workspace.saveGenreMap(workspace.genreMap().withDisplay("hiphop", "Hip Hop"));
            workspace.saveSettings(workspace.settings().withWriteParentGenres(true));
        }
        try (Workspace workspace = Workspace.open(paths)) {
            assertEquals("Hip Hop", workspace.genreMap().display("hip-hop"));
            assertTrue(workspace.settings().writeParentGenres());
        }
    }

    @Test
    void aDamagedMapFileIsLeftForTheUserAndTheBuiltInGenresAreUsed(@TempDir Path dir) throws Exception {
        AppPaths paths = AppPaths.inFolder(dir, Optional.empty());
        Files.writeString(paths.genreMap(), "{\"genres\": 3}");
        try (Workspace workspace = Workspace.open(paths)) {
            assertEquals(GenreMap.defaults(), workspace.genreMap());
        }
        assertEquals("{\"genres\": 3}", Files.readString(paths.genreMap()));
    }

    @Test
    void trainingLabelsFromTagsAreTheGenresCanonicalNames() {
        GenreMap map = GenreMap.defaults();
        assertEquals("hiphop", LibraryTrainingSet.label(map, "Hip Hop"));
        assertEquals("hiphop", LibraryTrainingSet.label(map, "HipHop"));
        assertEquals("rock", LibraryTrainingSet.label(map, "(17)"));
        assertEquals("bossa nova", LibraryTrainingSet.label(map, "Bossa Nova"));
        assertEquals("hiphop", LibraryTrainingSet.label(map.merged("rap", "hiphop"), "Rap"));
    }
}
