package org.genrelens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.genrelens.features.FeatureSpec;
import org.genrelens.library.Analysis;
import org.genrelens.library.LibraryDatabase;
import org.genrelens.testing.OnnxTestModels;
import org.genrelens.testing.TestAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {

    @Test
    void scanThenAnalyzeGroupsTracksByGenreAndASecondRunHasNothingToDo(@TempDir Path dir) throws Exception {
        Path music = Files.createDirectories(dir.resolve("music"));
        TestAudio.writeWav(TestAudio.sine(110, 6, 22_050, 0.5), 22_050, music.resolve("low.wav"));
        TestAudio.writeWav(TestAudio.sine(6_000, 6, 22_050, 0.5), 22_050, music.resolve("high.wav"));
        // RIFF header then garbage: audio by its first bytes, so scanned, but it cannot be decoded
        Files.write(music.resolve("broken.wav"), new byte[] {'R', 'I', 'F', 'F', 1, 0, 0, 0, 'W', 'A', 'V', 'E', 9});
        Path model = OnnxTestModels.writeBandEnergyModel(dir, "low-high", FeatureSpec.defaultMel(),
                List.of("low", "high"));
        String db = dir.resolve("library.db").toString();

        CliRun.of("scan", music.toString(), "--db", db);
        CliRun first = CliRun.of("analyze", "--db", db, "--model", model.toString());
        CliRun list = CliRun.of("list", "--by-genre", "--db", db);
        CliRun second = CliRun.of("analyze", "--db", db, "--model", model.toString());

        assertTrue(first.out().contains("analysed 2 track(s)"), first.out() + first.err());
        assertEquals(1, first.exitCode(), "the broken file is a listed failure");
        assertTrue(first.err().contains("broken.wav"), first.err());
        assertTrue(list.out().contains("low (1)") && list.out().contains("high (1)"), list.out());
        assertTrue(second.out().contains("analysed 0 track(s)"), second.out());
    }

    @Test
    void aModelThatCannotBeLoadedIsReportedAndNothingIsAnalysed(@TempDir Path dir)
            throws Exception {
        Path music = Files.createDirectories(dir.resolve("music"));
        TestAudio.writeWav(TestAudio.sine(110, 6, 22_050, 0.5), 22_050, music.resolve("low.wav"));
        Path notAModel = Files.writeString(dir.resolve("broken.onnx"), "not a graph");
        String db = dir.resolve("library.db").toString();
        CliRun.of("scan", music.toString(), "--db", db);

        CliRun run = CliRun.of("analyze", "--db", db, "--model", notAModel.toString());

        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("broken.card.json does not exist"), run.err());
        CliRun list = CliRun.of("list", "--by-genre", "--db", db);
        assertTrue(list.out().contains("not analysed (1)"), "the track still waits for an analysis: " + list.out()
                + list.err());
    }

    @Test
    void aBugOnOneTrackIsStoredAsAnInternalErrorNotAsADamagedFileAndTheOthersAreAnalysed(@TempDir Path dir)
            throws Exception {
        Path music = Files.createDirectories(dir.resolve("music"));
        for (String name : List.of("a.wav", "b.wav", "c.wav")) {
            TestAudio.writeWav(TestAudio.sine(110, 6, 22_050, 0.5), 22_050, music.resolve(name));
        }
        Files.write(music.resolve("broken.wav"), new byte[] {'R', 'I', 'F', 'F', 1, 0, 0, 0, 'W', 'A', 'V', 'E', 9});
        Path model = OnnxTestModels.writeBandEnergyModel(dir, "low-high", FeatureSpec.defaultMel(),
                List.of("low", "high"));
        Path db = dir.resolve("library.db");
        assertEquals(0, CliRun.of("scan", music.toString(), "--db", db.toString()).exitCode());

        CliRun run = CliRun.withStages(BuggyStage.failingOn("b.wav"), "analyze", "--db", db.toString(), "--model",
                model.toString());

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains("analysed 2 track(s)"), run.out() + run.err());
        assertTrue(run.err().contains("2 track(s) failed"), run.err());
        assertTrue(run.err().contains("b.wav") && run.err().contains("please report"), run.err());
        try (LibraryDatabase library = LibraryDatabase.open(db)) {
            Analysis bug = latest(library, music.resolve("b.wav"));
            assertEquals(Analysis.Status.FAILED, bug.status());
            assertEquals(Analysis.Failure.INTERNAL_ERROR, bug.failure());
            assertTrue(bug.error().contains("please report") && !bug.error().contains("damaged"), bug.error());
            Analysis broken = latest(library, music.resolve("broken.wav"));
            assertEquals(Analysis.Status.FAILED, broken.status());
            assertNotEquals(Analysis.Failure.INTERNAL_ERROR, broken.failure(), broken.error());
            assertNotEquals(Analysis.Failure.UNRECORDED, broken.failure(), broken.error());
            assertEquals(Analysis.Status.OK, latest(library, music.resolve("c.wav")).status());
        }
    }

    private static Analysis latest(LibraryDatabase library, Path file) {
        return library.analyses().latest(library.tracks().find(file).orElseThrow().id()).orElseThrow();
    }
}
