package org.genrelens.ui.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.genrelens.inference.ModelCard;
import org.genrelens.training.card.CardMetrics;
import org.genrelens.training.evaluation.ModelScore;
import org.junit.jupiter.api.Test;

/** The status bar quotes the bundled model's figure the way README does, naming how it was measured. */
class StatusBarScoreTest {

    @Test
    void theStatusBarShowsTheBundledModelsCrossValidatedScoreThatReadmeQuotes() throws Exception {
        ModelCard card = ModelCard.read(Path.of("models/genre-cnn.card.json"));
        ModelScore score = CardMetrics.of(card).headline().orElseThrow(() -> new AssertionError("the bundled card has no score"));

        String status = MainViewModel.metricsText(card);

        assertTrue(status.contains(score.describe()), status);
        assertTrue(status.contains(score.split()) && status.contains(score.clips() + " clips"), status);
        String figure = String.format(Locale.ROOT, "%.3f", score.balancedAccuracy());
        assertTrue(Files.readString(Path.of("README.md")).contains(figure),
                "README must quote the status bar's figure " + figure);
    }
}
