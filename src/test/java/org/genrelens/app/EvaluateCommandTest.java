package org.genrelens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.genrelens.features.DbReference;
import org.genrelens.features.FeatureSpec;
import org.genrelens.features.FrequencyScale;
import org.genrelens.features.SpectrogramType;
import org.genrelens.testing.OnnxTestModels;
import org.genrelens.testing.SharedData;
import org.genrelens.testing.TestAudio;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {

    private static final FeatureSpec SMALL = new FeatureSpec(SpectrogramType.MEL, 22_050, 1.0, 1.0, List.of(512),
            256, 32, 0.0, 8_000.0, FrequencyScale.LINEAR, DbReference.TILE_MAX, 80.0, -40.0, 20.0);
    private static final Path SHIPPED_BASELINE = Path.of("models", "genre-baseline.onnx");

    @TempDir
    static Path dir;

    private static Path model;
    private static Path data;

    /** low/ and high/ folders of tones, and a model that tells low from high mel bands. */
    @BeforeAll
    static void buildModelAndData() throws IOException {
        model = OnnxTestModels.writeBandEnergyModel(dir.resolve("model"), "low-high", SMALL, List.of("low", "high"));
        data = dir.resolve("tones");
        Files.createDirectories(data.resolve("low"));
        Files.createDirectories(data.resolve("high"));
        for (int i = 0; i < 2; i++) {
            TestAudio.writeWav(TestAudio.sine(100 + 40 * i, 3, 22_050, 0.5), 22_050,
                    data.resolve("low").resolve("low" + i + ".wav"));
            TestAudio.writeWav(TestAudio.sine(5_000 + 500 * i, 3, 22_050, 0.5), 22_050,
                    data.resolve("high").resolve("high" + i + ".wav"));
        }
    }

    @Test
    void printsBothLevelsAndWritesJsonAndHeatmap(@TempDir Path out) throws IOException {
        Path json = out.resolve("report.json");
        Path png = out.resolve("confusion.png");

        CliRun run = CliRun.of("evaluate", "--model", model.toString(), data.toString(), "--json", json.toString(),
                "--heatmap", png.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("on all clips of " + data), run.out());
        assertTrue(run.out().contains("track level (4 clips, window probabilities averaged): accuracy 1.000, "
                + "balanced accuracy 1.000, macro-F1 1.000"), run.out());
        assertTrue(run.out().contains("window level (12 windows): accuracy 1.000"), run.out());
        assertTrue(run.out().lines().anyMatch(line -> line.matches("high\\s+1\\.000\\s+1\\.000\\s+1\\.000\\s+2")),
                run.out());
        assertTrue(run.out().lines().anyMatch(line -> line.matches("low\\s+2\\s+0")), "confusion row: " + run.out());
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertEquals("all clips of " + data, report.get("split").asText());
        assertEquals(4, report.get("trackLevel").get("clips").asInt());
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() > 100 && image.getHeight() > 100, image.toString());
    }

    @Test
    void evaluatesAPairsListWithAGenreSelection(@TempDir Path listDir) throws IOException {
        Path list = Files.writeString(listDir.resolve("pairs.tsv"), "path\tgenre\n"
                + data.resolve("low/low0.wav") + "\tlow\n"
                + data.resolve("high/high0.wav") + "\thigh\n"
                + data.resolve("high/high1.wav") + "\thigh\n");

        CliRun run = CliRun.of("evaluate", "--model", model.toString(), "--list", list.toString(),
                "--genres", "high");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("all clips of the list " + list), run.out());
        assertTrue(run.out().contains("track level (2 clips"), run.out());
    }

    @Test
    void anUnreadableClipIsListedAndGivesExitCodeOneAfterTheReport(@TempDir Path copy) throws IOException {
        Path low = Files.createDirectories(copy.resolve("low"));
        Files.copy(data.resolve("low/low0.wav"), low.resolve("low0.wav"));
        Files.write(low.resolve("broken.wav"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});

        CliRun run = CliRun.of("evaluate", "--model", model.toString(), copy.toString());

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains("track level (1 clips"), run.out());
        assertTrue(run.err().contains("1 clip(s) could not be read") && run.err().contains("broken.wav"), run.err());
    }

    @Test
    void genresTheModelDoesNotKnowFailWithExitCodeOne(@TempDir Path other) throws IOException {
        Path polka = Files.createDirectories(other.resolve("polka"));
        Files.copy(data.resolve("low/low0.wav"), polka.resolve("p.wav"));

        CliRun run = CliRun.of("evaluate", "--model", model.toString(), other.toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("[polka]"), run.err());
    }

    @Test
    void takesTheSameDatasetOptionsAsTrainIncludingSynthesisedNotMusic() {
        // the test model knows only low and high, so the synthesised not-music clips are a genre it lacks
        CliRun run = CliRun.of("evaluate", "--model", model.toString(), "--not-music", "1", data.toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("not-music"), run.err());
    }

    @Test
    void aNotMusicClassBuiltWithoutEspeakSaysSoInsteadOfSilentlyLeavingOutSpeech(@TempDir Path noPrograms)
            throws Exception {
        // a child JVM, because only it can be given a PATH without espeak-ng
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "evaluate", "--model",
                model.toString(), "--not-music", "1", data.toString()).redirectErrorStream(true);
        builder.environment().put("PATH", noPrograms.toString());
        Process child = builder.start();
        String output = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        assertEquals(1, child.waitFor(), output);
        assertTrue(output.contains("genrelens: warning: espeak-ng is not installed, so the not-music class is built "
                + "without speech"), output);
        if (org.genrelens.training.data.NonMusicCorpus.findEspeak().isPresent()) {
            CliRun withEspeak = CliRun.of("evaluate", "--model", model.toString(), "--not-music", "1", data.toString());
            assertTrue(!withEspeak.err().contains("espeak-ng is not installed"), withEspeak.err());
        }
    }

    @Test
    void usageErrorsExitWithTwo(@TempDir Path list) throws IOException {
        Path pairs = Files.writeString(list.resolve("p.csv"), "a.wav,low\n");
        assertEquals(2, CliRun.of("evaluate", "--model", model.toString()).exitCode(), "no dataset");
        assertEquals(2, CliRun.of("evaluate", "--model", model.toString(), data.toString(), "--list",
                pairs.toString()).exitCode(), "both a dataset and a list");
        assertEquals(2, CliRun.of("evaluate", "--model", model.toString(), "--split", "holdout",
                data.toString()).exitCode());
        assertEquals(2, CliRun.of("evaluate", "--model", model.toString(), "--genres", "polka",
                data.toString()).exitCode());
        CliRun notGtzan = CliRun.of("evaluate", "--model", model.toString(), "--split", "test", data.toString());
        assertEquals(2, notGtzan.exitCode());
        assertTrue(notGtzan.err().contains("needs GTZAN's clips"), notGtzan.err());
    }

    @Test
    void aBrokenPairsListNamesItsLineAndExitsWithOne(@TempDir Path list) throws IOException {
        Path pairs = Files.writeString(list.resolve("p.csv"), "a.wav,low\nb.wav\n");

        CliRun run = CliRun.of("evaluate", "--model", model.toString(), "--list", pairs.toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("p.csv line 2"), run.err());
    }

    @Test
    void theShippedBaselineIsScoredOnTheTestSideOfTheRealGtzanSubset(@TempDir Path out) throws IOException {
        Path genres = SharedData.gtzanGenres();
        if (!Files.isRegularFile(SHIPPED_BASELINE)) {
            fail("the shipped model " + SHIPPED_BASELINE.toAbsolutePath() + " is missing; train it with "
                    + "'genrelens baseline ../shared/data/gtzan-subset'");
        }
        Path json = out.resolve("gtzan-test.json");

        CliRun run = CliRun.of("evaluate", "--model", SHIPPED_BASELINE.toString(), genres.toString(), "--split",
                "test", "--json", json.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("on gtzan-fault-filtered/test of " + genres
                + " (6 clips in no list left out)"), run.out());
        assertTrue(run.out().contains("track level (30 clips"), run.out());
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertEquals(30, report.get("trackLevel").get("clips").asInt());
        assertEquals(11, report.get("labels").size(), "ten genres and not-music");
        assertTrue(report.get("windowLevel").get("windows").asInt() > 30, report.toString());
        // the baseline was fitted on all 161 clips, test side included: far above chance is the least it must do
        assertTrue(report.get("trackLevel").get("accuracy").asDouble() > 0.5, run.out());
    }
}
