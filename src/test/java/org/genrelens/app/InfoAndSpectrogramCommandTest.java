package org.genrelens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.genrelens.features.FeatureSpec;
import org.genrelens.testing.OnnxTestModels;
import org.genrelens.testing.TestAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfoAndSpectrogramCommandTest {

    @Test
    void infoNamesTheModelTheRunningProviderAndTheFormats(@TempDir Path dir) throws IOException {
        Path model = OnnxTestModels.writeBandEnergyModel(dir, "low-high", FeatureSpec.defaultMel(),
                List.of("low", "high"));

        CliRun run = CliRun.of("info", "--model", model.toString());

        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("model:               low-high"), run.out());
        assertTrue(run.out().contains("genres:              low, high"), run.out());
        // this machine has no GPU: the provider that really runs is the CPU one, whatever is listed
        assertTrue(run.out().contains("execution provider:  CPU"), run.out());
        assertTrue(run.out().contains("mp3") && run.out().contains("flac") && run.out().contains("ogg"), run.out());
        assertTrue(run.out().contains("ffmpeg:"), run.out());
    }

    @Test
    void infoQuotesTheBundledModelsScoreAsTheStatusBarDoesAndEachReportsNumbers() throws IOException {
        CliRun run = CliRun.of("info", "--model", "models/genre-cnn.onnx");

        assertEquals(0, run.exitCode(), run.out() + run.err());
        var card = org.genrelens.inference.ModelCard.read(Path.of("models/genre-cnn.card.json"));
        String headline = org.genrelens.training.card.CardMetrics.headlineOf(card).orElseThrow().describe();
        assertTrue(run.out().contains("score:               " + headline), run.out());
        // a report section shows its track-level numbers, not only its split's name
        assertTrue(run.out().lines().anyMatch(line -> line.startsWith("  crossValidation:")
                && line.contains("balancedAccuracy 0.")), run.out());
        // the tuning's search space is hundreds of characters: it stays in the card
        assertTrue(run.out().contains("  tuning:") && run.out().contains("trials ") && !run.out().contains("searchSpace"),
                run.out());
    }

    @Test
    void infoWithoutAnyModelSaysWhereItLooked(@TempDir Path dir) {
        CliRun run = CliRun.of("info", "--model", dir.resolve("absent.onnx").toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.out().contains("absent.onnx"), run.out());
    }

    @Test
    void spectrogramWritesAPngOfTheWholeTrack(@TempDir Path dir) throws IOException {
        FeatureSpec spec = FeatureSpec.defaultMel();
        Path model = OnnxTestModels.writeBandEnergyModel(dir, "low-high", spec, List.of("low", "high"));
        Path wav = TestAudio.writeWav(TestAudio.sine(1_000, 10, 22_050, 0.5), 22_050, dir.resolve("tone.wav"));
        Path png = dir.resolve("images").resolve("tone.png");

        CliRun run = CliRun.of("spectrogram", wav.toString(), "--out", png.toString(), "--model", model.toString());

        assertEquals(0, run.exitCode(), run.err());
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "a readable PNG");
        assertEquals(spec.height(), image.getHeight());
        assertEquals(1 + 10 * 22_050 / spec.hopLength(), image.getWidth());
    }

    @Test
    void spectrogramOfAFileThatIsNotAudioFailsWithTheReason(@TempDir Path dir) throws IOException {
        Path text = Files.writeString(dir.resolve("readme.wav"), "not a wave file");

        CliRun run = CliRun.of("spectrogram", text.toString(), "--out", dir.resolve("x.png").toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("readme.wav"), run.err());
        assertTrue(Files.notExists(dir.resolve("x.png")));
    }
}
