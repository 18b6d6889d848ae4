package org.genrelens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.genrelens.features.FeatureSpec;
import org.genrelens.tags.TagReader;
import org.genrelens.testing.FfmpegEncoder;
import org.genrelens.testing.OnnxTestModels;
import org.genrelens.testing.TestAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole library flow a user runs: scan, analyze, tag from the database, rescan, undo. */
class LibraryTaggingTest {

    @Test
    void tagsAnalysedTracksFromTheDatabaseJournalsThemThereAndUndoRestoresThem(@TempDir Path dir) throws Exception {
        Path music = Files.createDirectories(dir.resolve("music"));
        Path low = FfmpegEncoder.encode(TestAudio.writeWav(TestAudio.sine(110, 6, 22_050, 0.5), 22_050,
                dir.resolve("low.wav")), "mp3", music.resolve("low.mp3"));
        Path high = FfmpegEncoder.encode(TestAudio.writeWav(TestAudio.sine(6_000, 6, 22_050, 0.5), 22_050,
                dir.resolve("high.wav")), "flac", music.resolve("high.flac"));
        Path model = OnnxTestModels.writeBandEnergyModel(dir, "low-high", FeatureSpec.defaultMel(),
                List.of("low", "high"));
        String db = dir.resolve("library.db").toString();
        CliRun.of("scan", music.toString(), "--db", db);
        CliRun.of("analyze", "--db", db, "--model", model.toString());

        CliRun dry = CliRun.of("tag", "--library", "--db", db, "--dry-run");
        CliRun tag = CliRun.of("tag", "--library", "--db", db);
        CliRun rescan = CliRun.of("scan", music.toString(), "--db", db);

        assertTrue(dry.out().contains("dry run: 2 change(s) planned"), dry.out());
        assertEquals(0, tag.exitCode(), tag.err());
        TagReader reader = new TagReader();
        assertEquals(List.of("low"), reader.read(low).genres());
        assertEquals(List.of("high"), reader.read(high).genres());
        assertTrue(rescan.out().contains("2 retagged"), "our own write keeps the analysis: " + rescan.out());

        CliRun undo = CliRun.of("undo", "1", "--db", db);

        assertEquals(0, undo.exitCode(), undo.err());
        assertEquals(List.of(), reader.read(low).genres());
        assertEquals(List.of(), reader.read(high).genres());
        assertEquals(2, CliRun.of("tag", "--library", "--db", db, music.toString()).exitCode(),
                "--library takes no paths");
    }
}
