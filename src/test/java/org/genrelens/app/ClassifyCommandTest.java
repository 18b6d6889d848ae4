package org.genrelens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.genrelens.features.FeatureSpec;
import org.genrelens.testing.OnnxTestModels;
import org.genrelens.testing.SharedData;
import org.genrelens.testing.TestAudio;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifyCommandTest {

    private static final List<String> GTZAN = List.of("blues", "classical", "country", "disco", "hiphop", "jazz",
            "metal", "pop", "reggae", "rock");
    private static final List<String> LOW_HIGH = List.of("low", "high");

    @TempDir
    static Path models;

    private static Path cnn;
    private static Path bandModel;

    @BeforeAll
    static void buildModels() throws IOException {
        FeatureSpec spec = FeatureSpec.defaultMel();
        cnn = OnnxTestModels.writeCnn(models, "test-cnn", spec, GTZAN, new int[] {4, 8}, 7L);
        bandModel = OnnxTestModels.writeBandEnergyModel(models, "low-high", spec, LOW_HIGH);
    }

    @Test
    void classifiesEveryRealGtzanClipWithATestBuiltModel() throws IOException {
        Path genres = SharedData.gtzanGenres();
        long clips;
        try (Stream<Path> files = Files.walk(genres)) {
            clips = files.filter(Files::isRegularFile).count();
        }

        CliRun run = CliRun.of("classify", "--model", cnn.toString(), genres.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(clips, run.outLines(), "one line per clip");
        assertTrue(run.out().contains("blues.00000.au"), run.out());
        assertTrue(run.err().contains("classified " + clips + " of " + clips), run.err());
    }

    @Test
    void lowAndHighTonesGetTheirGenresAndTheTopThree(@TempDir Path music) throws IOException {
        TestAudio.writeWav(TestAudio.sine(110, 8, 22_050, 0.5), 22_050, music.resolve("low.wav"));
        TestAudio.writeWav(TestAudio.sine(6_000, 8, 22_050, 0.5), 22_050, music.resolve("high.wav"));

        CliRun run = CliRun.of("classify", "--model", bandModel.toString(), music.toString());

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(2, lines.size(), run.out());
        assertTrue(lines.get(0).startsWith("high") && lines.get(0).contains("high.wav"), lines.get(0));
        assertTrue(lines.get(1).startsWith("low") && lines.get(1).contains("low.wav"), lines.get(1));
        assertTrue(lines.get(0).contains("top-3: high"), lines.get(0));
    }

    @Test
    void quickModeClassifiesFourWindowsPerLongTrackAndListsFailuresInOrder(@TempDir Path music) throws IOException {
        for (int i = 0; i < 5; i++) {
            TestAudio.writeWav(TestAudio.sine(i % 2 == 0 ? 110 : 6_000, 40, 22_050, 0.5), 22_050,
                    music.resolve(i + ".wav"));
        }
        Files.write(music.resolve("2b-broken.mp3"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});

        CliRun run = CliRun.of("classify", "--quick", "--json", "--model", bandModel.toString(), music.toString());

        assertEquals(1, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(6, lines.size(), run.out());
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            JsonNode track = json.readTree(line);
            String name = Path.of(track.get("path").asText()).getFileName().toString();
            if (name.endsWith(".mp3")) {
                assertTrue(track.has("error"), line);
            } else {
                assertEquals(4, track.get("windows").asInt(), line);
                assertEquals(name.charAt(0) % 2 == 0 ? "low" : "high", track.get("genre").asText(), line);
            }
        }
    }

    @Test
    void aCorruptFileFailsAloneAndIsListedWithExitCodeOne(@TempDir Path music) throws IOException {
        TestAudio.writeWav(TestAudio.sine(110, 6, 22_050, 0.5), 22_050, music.resolve("good.wav"));
        Files.write(music.resolve("broken.mp3"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        Files.write(music.resolve("empty.flac"), new byte[0]);

        CliRun run = CliRun.of("classify", "--model", bandModel.toString(), music.toString());

        assertEquals(1, run.exitCode(), run.err());
        assertEquals(1, run.outLines(), run.out());
        assertTrue(run.out().contains("good.wav"), run.out());
        assertTrue(run.err().contains("2 file(s) failed"), run.err());
        assertTrue(run.err().contains("broken.mp3") && run.err().contains("empty.flac"), run.err());
    }

    @Test
    void aBugOnOneFileFailsItAsAnInternalErrorToReportWhileTheOtherFilesAreClassified(@TempDir Path music)
            throws IOException {
        for (String name : List.of("a.wav", "b.wav", "c.wav")) {
            TestAudio.writeWav(TestAudio.sine(110, 6, 22_050, 0.5), 22_050, music.resolve(name));
        }

        CliRun run = CliRun.withStages(BuggyStage.failingOn("b.wav"), "classify", "--json", "--model",
                bandModel.toString(), music.toString());

        assertEquals(1, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(3, lines.size(), run.out());
        ObjectMapper json = new ObjectMapper();
        assertEquals("low", json.readTree(lines.get(0)).get("genre").asText());
        assertEquals("low", json.readTree(lines.get(2)).get("genre").asText());
        String error = json.readTree(lines.get(1)).get("error").asText();
        assertTrue(error.contains("b.wav") && error.contains("Internal error in GenreLens")
                && error.contains(BuggyStage.BUG) && error.contains("please report"), error);
        assertFalse(error.contains("damaged"), "a bug is not the file's damage: " + error);
        assertTrue(run.err().contains("1 file(s) failed") && run.err().contains("please report"), run.err());
        assertTrue(run.err().contains("classified 2 of 3 tracks"), run.err());
    }

    @Test
    void aBugOnOneFileOfAQuickBatchFailsOnlyThatFile(@TempDir Path music) throws IOException {
        for (String name : List.of("a.wav", "b.wav", "c.wav")) {
            TestAudio.writeWav(TestAudio.sine(6_000, 30, 22_050, 0.5), 22_050, music.resolve(name));
        }

        CliRun run = CliRun.withStages(BuggyStage.failingOn("b.wav"), "classify", "--quick", "--model",
                bandModel.toString(), music.toString());

        assertEquals(1, run.exitCode(), run.err());
        assertEquals(2, run.outLines(), run.out());
        assertTrue(run.out().contains("a.wav") && run.out().contains("c.wav"), run.out());
        assertTrue(run.err().contains("b.wav") && run.err().contains("please report"), run.err());
    }

    @Test
    void jsonGivesOneObjectPerTrackIncludingFailures(@TempDir Path music) throws IOException {
        TestAudio.writeWav(TestAudio.sine(110, 3, 22_050, 0.5), 22_050, music.resolve("short.wav"));
        Files.writeString(music.resolve("notes.mp3"), "this is not audio at all, just some text");

        CliRun run = CliRun.of("classify", "--json", "--model", bandModel.toString(), music.toString());

        assertEquals(1, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(2, lines.size(), run.out());
        ObjectMapper json = new ObjectMapper();
        JsonNode failure = json.readTree(lines.get(0));
        assertTrue(failure.get("path").asText().endsWith("notes.mp3"));
        assertTrue(failure.hasNonNull("error"));
        JsonNode track = json.readTree(lines.get(1));
        assertEquals("low", track.get("genre").asText());
        assertTrue(track.get("padded").asBoolean(), "a 3 s track is shorter than one window");
        assertEquals(1, track.get("windows").asInt());
        assertEquals(2, track.get("probabilities").size());
        assertEquals(1.0, track.get("probabilities").get("low").asDouble()
                + track.get("probabilities").get("high").asDouble(), 1e-4);
    }

    @Test
    void aMissingPathIsReportedAndCountsAsAFailure(@TempDir Path music) throws IOException {
        TestAudio.writeWav(TestAudio.sine(110, 6, 22_050, 0.5), 22_050, music.resolve("good.wav"));

        CliRun run = CliRun.of("classify", "--model", bandModel.toString(), music.resolve("good.wav").toString(),
                music.resolve("nowhere").toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("nowhere: no such file or folder"), run.err());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, CliRun.of("classify").exitCode());
        assertEquals(2, CliRun.of("classify", "--ep", "tpu", "x.wav").exitCode());
        assertEquals(2, CliRun.of("classify", "--hop", "0", "x.wav").exitCode());
        assertEquals(2, CliRun.of("no-such-command").exitCode());
        // no command at all opens the desktop app (DesktopCommandTest), not a usage error
    }

    @Test
    void aModelWithoutItsCardIsRefusedWithExitCodeOne(@TempDir Path dir) throws IOException {
        Path lonely = Files.copy(cnn, dir.resolve("lonely.onnx"));
        TestAudio.writeWav(TestAudio.sine(110, 6, 22_050, 0.5), 22_050, dir.resolve("good.wav"));

        CliRun run = CliRun.of("classify", "--model", lonely.toString(), dir.resolve("good.wav").toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("lonely"), run.err());
    }
}
