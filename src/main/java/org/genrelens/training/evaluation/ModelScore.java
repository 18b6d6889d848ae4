package org.genrelens.training.evaluation;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.genrelens.inference.ModelCard;

/**
 * A model's headline score as its card records it: track-level balanced accuracy of its cross-validation, without
 * the clips a tuner chose its configuration on when it was tuned. The status bar, README and the Train tab's
 * "use this model" comparison all quote this one figure, with its protocol.
 *
 * @param balancedAccuracy track-level balanced accuracy
 * @param split            the split it was measured on, as the card names it ("5-fold-by-clip")
 * @param clips            clips scored
 */
public record ModelScore(double balancedAccuracy, String split, int clips) {

    /** Empty when the card records no cross-validation (trained without folds, or not by this project). */
    public static Optional<ModelScore> of(ModelCard card) {
        return of(card.metrics());
    }

    public static Optional<ModelScore> of(Map<String, Object> metrics) {
        if (metrics == null) {
            return Optional.empty();
        }
        Object report = metrics.containsKey("crossValidationWithoutTuningClips")
                ? metrics.get("crossValidationWithoutTuningClips") : metrics.get("crossValidation");
        return of(report);
    }

    /** From an {@link EvaluationReport#toMap()}. */
    static Optional<ModelScore> of(Object report) {
        if (!(report instanceof Map<?, ?> map) || !(map.get("trackLevel") instanceof Map<?, ?> track)
                || !(track.get("balancedAccuracy") instanceof Number balanced)) {
            return Optional.empty();
        }
        int clips = track.get("clips") instanceof Number n ? n.intValue() : 0;
        return Optional.of(new ModelScore(balanced.doubleValue(), String.valueOf(map.get("split")), clips));
    }

    public static ModelScore of(EvaluationReport report) {
        return new ModelScore(report.trackLevel().balancedAccuracy(), report.splitName(), report.trackLevel().total());
    }

    /** "balanced accuracy 0.825 (5-fold-by-clip, 197 clips, track level)". */
    public String describe() {
        return String.format(Locale.ROOT, "balanced accuracy %.3f (%s, %d clips, track level)", balancedAccuracy, split,
                clips);
    }
}
