package org.genrelens.ui.genres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.genrelens.tags.GenreMapFile;
import org.genrelens.workspace.AppPaths;
import org.genrelens.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenreMapViewModelTest {

    @Test
    void editsAreSavedRefusalsSayWhyAndTheLibraryIsToldToRegroup(@TempDir Path dir) throws Exception {
        AppPaths paths = AppPaths.inFolder(dir, Optional.empty());
        List<String> shown = new ArrayList<>();
        try (Workspace workspace = Workspace.open(paths)) {
            List<Integer> reloads = new ArrayList<>();
            GenreMapViewModel model = new GenreMapViewModel(workspace, (title, error) -> shown.add(title),
                    () -> reloads.add(1));

            model.addAlias();
            assertEquals("Choose a genre first.", model.messageProperty().get());

            model.selectedProperty().set(workspace.genreMap().require("hiphop"));
            model.textProperty().set("Rap Music");
            model.addAlias();
            assertEquals("hiphop", GenreMapFile.read(paths.genreMap()).require("rap-music").name());
            assertEquals("", model.textProperty().get());
            assertEquals(1, reloads.size());

            model.textProperty().set("rock");
            model.rename();
            assertTrue(model.messageProperty().get().contains("already means rock"), model.messageProperty().get());
            assertEquals(1, reloads.size(), "a refused edit changes nothing");

            model.textProperty().set("Hip Hop");
            model.setDisplay();
            assertEquals("Hip Hop", model.selectedProperty().get().display());
            model.remove();
            assertNull(model.selectedProperty().get());
            assertTrue(GenreMapFile.read(paths.genreMap()).find("hip hop").isEmpty());

            model.writeParentsProperty().set(true);
            assertTrue(workspace.settings().writeParentGenres());
        }
        assertEquals(List.of(), shown);
    }
}
