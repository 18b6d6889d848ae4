package org.genrelens.training.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

    @Test
    void alwaysAnsweringTheMajorityGenreScoresHighAccuracyButLowBalancedAccuracy() {
        // 8 classical, 2 metal; everything predicted classical
        int[] truth = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1};
        int[] predicted = new int[10];

        ClassificationMetrics metrics = ClassificationMetrics.of(List.of("classical", "metal"), truth, predicted);

        assertEquals(0.8, metrics.accuracy(), 1e-9);
        assertEquals(0.5, metrics.balancedAccuracy(), 1e-9);
        assertEquals(0.8, metrics.precision(0), 1e-9);
        assertEquals(0.0, metrics.recall(1), 1e-9);
        assertEquals((2 * 0.8 / 1.8 + 0) / 2, metrics.macroF1(), 1e-9);
    }

    @Test
    void confusionCountsTrueRowsAgainstPredictedColumns() {
        int[] truth = {0, 0, 1, 1, 2};
        int[] predicted = {0, 1, 1, 1, 0};

        ClassificationMetrics metrics = ClassificationMetrics.of(List.of("a", "b", "c"), truth, predicted);

        assertEquals(1, metrics.confusion()[0][0]);
        assertEquals(1, metrics.confusion()[0][1]);
        assertEquals(2, metrics.confusion()[1][1]);
        assertEquals(1, metrics.confusion()[2][0]);
        assertEquals(5, metrics.total());
        assertEquals(2.0 / 3, metrics.precision(1), 1e-9);
    }

    @Test
    void metricsWithoutTheNotMusicClassCountItsPredictionsAsErrors() {
        // rows: rock (2 right, 1 called not-music), jazz (1 right), not-music (2 right)
        int[] truth = {0, 0, 0, 1, 2, 2};
        int[] predicted = {0, 0, 2, 1, 2, 2};

        java.util.Map<String, Object> music = ClassificationMetrics.of(List.of("rock", "jazz", "not-music"), truth,
                predicted).without("not-music");

        assertEquals(4, music.get("clips"));
        assertEquals(0.75, (double) music.get("accuracy"), 1e-9);
        assertEquals(0.8333, (double) music.get("balancedAccuracy"), 1e-4);
        assertEquals(1, music.get("predictedAs_not-music"));
    }
}
