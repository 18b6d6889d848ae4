package org.genrelens.training.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.genrelens.training.data.LabeledClip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationReportTest {

    private static final List<String> LABELS = List.of("jazz", "rock");

    private static ClipPrediction prediction(String genre, String name, float[]... windows) {
        return new ClipPrediction(new LabeledClip(Path.of(genre, name), genre), windows);
    }

    /**
     * Clip 1 (jazz): one sure jazz window and two weak rock windows; the average says jazz though most windows
     * say rock. Clip 2 (rock): two rock windows. Clip 3 (rock): one jazz window.
     */
    private static List<ClipPrediction> handMade() {
        return List.of(
                prediction("jazz", "a.wav", new float[] {0.95f, 0.05f}, new float[] {0.4f, 0.6f},
                        new float[] {0.4f, 0.6f}),
                prediction("rock", "b.wav", new float[] {0.2f, 0.8f}, new float[] {0.1f, 0.9f}),
                prediction("rock", "c.wav", new float[] {0.7f, 0.3f}));
    }

    @Test
    void trackLevelAveragesEachClipsWindows() {
        EvaluationReport report = EvaluationReport.of("hand-made", LABELS, handMade(), List.of());

        ClassificationMetrics track = report.trackLevel();
        assertEquals(3, track.total());
        assertArrayEquals(new int[] {1, 0}, track.confusion()[0], "clip 1 is jazz on average");
        assertArrayEquals(new int[] {1, 1}, track.confusion()[1]);
        assertEquals(2 / 3.0, track.accuracy(), 1e-9);
        assertEquals((1.0 + 0.5) / 2, track.balancedAccuracy(), 1e-9);
    }

    @Test
    void windowLevelCountsEveryWindow() {
        EvaluationReport report = EvaluationReport.of("hand-made", LABELS, handMade(), List.of());

        ClassificationMetrics window = report.windowLevel();
        assertEquals(6, window.total());
        assertArrayEquals(new int[] {1, 2}, window.confusion()[0]);
        assertArrayEquals(new int[] {1, 2}, window.confusion()[1]);
        assertEquals(3 / 6.0, window.accuracy(), 1e-9);
    }

    @Test
    void jsonNamesTheSplitBothLevelsAndTheSkippedClips(@TempDir Path dir) throws IOException {
        EvaluationReport report = EvaluationReport.of("gtzan-fault-filtered/test", LABELS, handMade(),
                List.of("x.wav: the file is empty"));
        Path file = dir.resolve("reports").resolve("report.json");

        report.writeJson(file);

        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertEquals("gtzan-fault-filtered/test", json.get("split").asText());
        assertEquals(3, json.get("trackLevel").get("clips").asInt());
        assertEquals(0.6667, json.get("trackLevel").get("accuracy").asDouble(), 1e-9);
        assertEquals(0.75, json.get("trackLevel").get("balancedAccuracy").asDouble(), 1e-9);
        assertEquals(1.0, json.get("trackLevel").get("perGenre").get("jazz").get("recall").asDouble(), 1e-9);
        assertEquals(6, json.get("windowLevel").get("windows").asInt());
        assertEquals(2, json.get("windowLevel").get("confusion").get(0).get(1).asInt());
        assertEquals("x.wav: the file is empty", json.get("skipped").get(0).asText());
        assertEquals(List.of("jazz", "rock"), List.of(json.get("labels").get(0).asText(),
                json.get("labels").get(1).asText()));
    }

    @Test
    void aModelGenreWithNoClipsOnThisSideDoesNotLowerBalancedAccuracyOrMacroF1() {
        // a three-genre model on a side without blues, every clip right
        List<String> labels = List.of("blues", "jazz", "rock");
        List<ClipPrediction> perfect = List.of(
                prediction("jazz", "a.wav", new float[] {0.1f, 0.8f, 0.1f}),
                prediction("rock", "b.wav", new float[] {0.1f, 0.2f, 0.7f}));

        EvaluationReport report = EvaluationReport.of("no blues here", labels, perfect, List.of());

        assertEquals(1.0, report.trackLevel().balancedAccuracy(), 1e-9);
        assertEquals(1.0, report.trackLevel().macroF1(), 1e-9);
    }

    @Test
    void aGenrePredictedButAbsentCountsAgainstMacroF1ButHasNoRecallToAverage() {
        List<String> labels = List.of("blues", "jazz", "rock");
        List<ClipPrediction> oneWrong = List.of(
                prediction("jazz", "a.wav", new float[] {0.1f, 0.8f, 0.1f}),
                prediction("rock", "b.wav", new float[] {0.6f, 0.2f, 0.2f}));

        ClassificationMetrics track = EvaluationReport.of("x", labels, oneWrong, List.of()).trackLevel();

        assertEquals((1.0 + 0.0) / 2, track.balancedAccuracy(), 1e-9, "jazz and rock have clips, blues none");
        assertEquals((0.0 + 1.0 + 0.0) / 3, track.macroF1(), 1e-9, "blues was predicted, so its F1 of 0 counts");
    }

    @Test
    void aGenreOutsideTheLabelsOrRowsOfTheWrongWidthAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> EvaluationReport.of("x", LABELS,
                List.of(prediction("polka", "p.wav", new float[] {0.5f, 0.5f})), List.of()));
        assertThrows(IllegalArgumentException.class, () -> EvaluationReport.of("x", LABELS,
                List.of(prediction("rock", "r.wav", new float[] {0.2f, 0.3f, 0.5f})), List.of()));
    }
}
