package org.genrelens.training.evaluation;

import java.util.Locale;

/**
 * A model's headline score: track-level balanced accuracy of its cross-validation, without the clips a tuner chose
 * its configuration on when it was tuned (a card's is read by {@code training.card.CardMetrics#headline}). The status bar, README and the Train tab's
 * "use this model" comparison all quote this one figure, with its protocol.
 *
 * @param balancedAccuracy track-level balanced accuracy
 * @param split            the split it was measured on, as the card names it ("5-fold-by-clip")
 * @param clips            clips scored
 */
public record ModelScore(double balancedAccuracy, String split, int clips) {

    public static ModelScore of(EvaluationReport report) {
        return new ModelScore(report.trackLevel().balancedAccuracy(), report.splitName(), report.trackLevel().total());
    }

    /** "balanced accuracy 0.825 (5-fold-by-clip, 197 clips, track level)". */
    public String describe() {
        return String.format(Locale.ROOT, "balanced accuracy %.3f (%s, %d clips, track level)", balancedAccuracy, split,
                clips);
    }
}
