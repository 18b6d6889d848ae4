package org.genrelens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.genrelens.testing.FfmpegEncoder;
import org.genrelens.testing.TestAudio;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark command runs end to end on a folder of real (generated, encoded) tracks with the bundled model. */
class BenchDecodeCommandTest {

    @TempDir
    static Path music;

    @BeforeAll
    static void tracks() throws IOException {
        float[] chord = TestAudio.chord(new double[] {220, 277, 330}, 12, 44_100, 0.4);
        Path wav = TestAudio.writeWav(chord, 44_100, music.resolve("source.wav"));
        FfmpegEncoder.encode(wav, "mp3", music.resolve("a.mp3"));
        FfmpegEncoder.encode(wav, "flac", music.resolve("b.flac"));
        java.nio.file.Files.delete(wav);
    }

    @Test
    void comparesFullAnalysisWithFfmpegAloneAndReportsQuickMode() {
        CliRun run = CliRun.of("bench-decode", music.toString(), "--rounds", "1", "--jobs", "1");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("2 tracks (1 flac, 1 mp3)"), run.out());
        assertTrue(run.out().matches("(?s).*full analysis / ffmpeg decode: \\d+\\.\\d\\d \\(target <= 1\\.3\\).*"),
                run.out());
        assertTrue(run.out().matches("(?s).*quick mode: \\d+\\.\\d tracks/s.*"), run.out());
    }

    @Test
    void stepsTimesEachStepOfAFullAnalysis() {
        CliRun run = CliRun.of("bench-decode", music.toString(), "--steps", "--rounds", "1");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().matches("(?s).*round 1: decode \\d+\\.\\d \\(reading \\d+\\.\\d\\)  spectrogram \\d+\\.\\d"
                + "  tiles \\d+\\.\\d  classify \\d+\\.\\d.*"), run.out());
        assertTrue(!run.out().contains("full analysis / ffmpeg"), "--steps replaces the comparison");
    }
}
