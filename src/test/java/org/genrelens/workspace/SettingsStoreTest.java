package org.genrelens.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @Test
    void savedSettingsComeBackUnchanged(@TempDir Path dir) throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("conf").resolve("settings.json"));
        Settings settings = Settings.defaults().withMusicFolders(List.of("/music/a", "/music/ü b"))
                .withDarkTheme(true).withActiveModel("/models/x.onnx").withTagging("overwrite", 0.8f);

        store.save(settings);

        assertEquals(settings, store.load());
    }

    @Test
    void aDamagedSettingsFileGivesTheDefaultsAndIsKeptAside(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("settings.json"), "{\"musicFolders\": [\"/a\"");

        Settings loaded = new SettingsStore(file).load();

        assertEquals(Settings.defaults(), loaded);
        assertTrue(Files.exists(dir.resolve("settings.json.damaged")));
    }

    @Test
    void aConfidenceOutsideZeroToOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Settings.defaults().withTagging("empty", 1.5f));
    }
}
