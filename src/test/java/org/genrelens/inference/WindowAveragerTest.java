package org.genrelens.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.genrelens.model.GenreScore;
import org.genrelens.model.TrackPrediction;
import org.junit.jupiter.api.Test;

class WindowAveragerTest {

    private static final List<String> LABELS = List.of("blues", "jazz", "rock");

    @Test
    void trackProbabilitiesAreTheMeanOfWindowRows() {
        float[][] rows = {{0.6f, 0.3f, 0.1f}, {0.2f, 0.7f, 0.1f}, {0.4f, 0.2f, 0.4f}};

        assertArrayEquals(new float[] {0.4f, 0.4f, 0.2f}, WindowAverager.mean(rows), 1e-6f);
    }

    @Test
    void topGenresAreRankedByAveragedProbability() {
        float[][] rows = {{0.1f, 0.3f, 0.6f}, {0.3f, 0.2f, 0.5f}};

        TrackPrediction prediction = WindowAverager.average(LABELS, rows, 0.5f, false);

        assertEquals("rock", prediction.topGenre());
        assertEquals(0.55f, prediction.confidence(), 1e-6f);
        List<GenreScore> top = prediction.top(2);
        assertEquals(List.of("rock", "jazz"), top.stream().map(GenreScore::genre).toList());
        assertEquals(2, prediction.windowCount());
    }

    @Test
    void uncertainOnlyWhenConfidenceIsBelowTheThreshold() {
        float[][] rows = {{0.5f, 0.25f, 0.25f}};

        assertFalse(WindowAverager.average(LABELS, rows, 0.5f, false).uncertain());
        assertTrue(WindowAverager.average(LABELS, rows, 0.51f, false).uncertain());
    }

    @Test
    void paddedFlagIsKept() {
        assertTrue(WindowAverager.average(LABELS, new float[][] {{1f, 0f, 0f}}, 0.5f, true).padded());
    }

    @Test
    void zeroWindowsCannotBeAveraged() {
        assertThrows(IllegalArgumentException.class, () -> WindowAverager.mean(new float[0][]));
    }

    @Test
    void rowsOfDifferentWidthAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> WindowAverager.mean(new float[][] {{0.5f, 0.5f}, {1f, 0f, 0f}}));
    }
}
