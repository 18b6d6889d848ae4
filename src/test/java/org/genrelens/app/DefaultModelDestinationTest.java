package org.genrelens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.genrelens.inference.ModelCard;
import org.genrelens.library.LibraryLocation;
import org.genrelens.testing.TestAudio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train, baseline and export without --out write new dated files to the data folder, never to models/. */
class DefaultModelDestinationTest {

    private static final Path BUNDLED = Path.of("models");

    @TempDir
    Path dataFolder;

    @TempDir
    Path dataset;

    private String previousDataFolder;

    @BeforeEach
    void pointTheDataFolderAtATemporaryOne() throws IOException {
        previousDataFolder = System.getProperty(LibraryLocation.DATA_DIRECTORY_PROPERTY);
        System.setProperty(LibraryLocation.DATA_DIRECTORY_PROPERTY, dataFolder.toString());
        for (int i = 0; i < 6; i++) {
            Files.createDirectories(dataset.resolve("tones"));
            Files.createDirectories(dataset.resolve("noise"));
            TestAudio.writeWav(TestAudio.chord(new double[] {300 + 50 * i, 450}, 6, 22_050, 0.5), 22_050,
                    dataset.resolve("tones").resolve("t" + i + ".wav"));
            TestAudio.writeWav(TestAudio.noise(6, 22_050, 0.2, i), 22_050,
                    dataset.resolve("noise").resolve("n" + i + ".wav"));
        }
    }

    @AfterEach
    void restoreTheDataFolder() {
        if (previousDataFolder == null) {
            System.clearProperty(LibraryLocation.DATA_DIRECTORY_PROPERTY);
        } else {
            System.setProperty(LibraryLocation.DATA_DIRECTORY_PROPERTY, previousDataFolder);
        }
    }

    @Test
    void trainBaselineAndExportWriteNewDatedModelsToTheDataFolderAndLeaveTheBundledModelsAlone()
            throws IOException {
        Map<String, String> bundledBefore = snapshot(BUNDLED);
        Path installed = dataFolder.resolve("models");

        CliRun train = CliRun.of("train", dataset.toString(), "--epochs", "2", "--channels", "4,8", "--bands", "32",
                "--hop-length", "1024", "--dense", "0", "--no-augment");
        CliRun baseline = CliRun.of("baseline", dataset.toString(), "--folds", "2");
        Path trained = onlyModel(installed, "genre-cnn-");
        CliRun export = CliRun.of("export", trained.toString(), "--name", "mine");
        CliRun exportAgain = CliRun.of("export", trained.toString(), "--name", "mine");

        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains("wrote " + trained), train.out());
        assertEquals(0, baseline.exitCode(), baseline.err());
        Path baselineModel = onlyModel(installed, "genre-baseline-");
        assertTrue(baseline.out().contains("wrote " + baselineModel), baseline.out());
        assertEquals(0, export.exitCode(), export.err());
        assertEquals(0, exportAgain.exitCode(), exportAgain.err());
        List<Path> exports = models(installed, "mine-");
        assertEquals(2, exports.size(), "a second export gets a new name, nothing is overwritten: " + exports);
        assertNotEquals(exports.get(0), exports.get(1));
        for (Path model : List.of(trained, baselineModel, exports.get(0), exports.get(1))) {
            assertTrue(model.getFileName().toString().matches("[a-z-]+-\\d{8}-\\d{6}(-\\d+)?\\.onnx"), model.toString());
            assertTrue(Files.isRegularFile(ModelCard.cardPathFor(model)), "a card beside " + model);
        }
        assertTrue(export.out().contains("wrote " + exports.get(0)) || export.out().contains("wrote " + exports.get(1)),
                export.out());
        assertEquals(bundledBefore, snapshot(BUNDLED), "models/ in the working directory is untouched");
    }

    private static Path onlyModel(Path folder, String prefix) throws IOException {
        List<Path> found = models(folder, prefix);
        assertEquals(1, found.size(), prefix + " models in " + folder + ": " + found);
        return found.get(0);
    }

    private static List<Path> models(Path folder, String prefix) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().startsWith(prefix)
                    && file.getFileName().toString().endsWith(".onnx")).sorted().toList();
        }
    }

    /** Every file under the folder with its size and modification time. */
    private static Map<String, String> snapshot(Path folder) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.put(folder.relativize(file).toString(), Files.size(file) + " bytes, modified "
                        + Files.getLastModifiedTime(file).toMillis());
            }
        }
        return out;
    }
}
