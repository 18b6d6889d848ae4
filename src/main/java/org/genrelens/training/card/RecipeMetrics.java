package org.genrelens.training.card;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.genrelens.training.evaluation.ModelScore;

/**
 * The metrics {@code TrainingRecipe} records: its cross-validation with the protocol and each fold's score, the
 * same predictions without the clips a tuner chose the configuration on, and how it was tuned. All empty for a
 * model trained without folds.
 *
 * @param crossValidation    the cross-validation; empty without folds
 * @param withoutTuningClips the cross-validation's predictions less the tuner's validation clips
 * @param tuning             how the configuration was chosen
 */
public record RecipeMetrics(Optional<CrossValidation> crossValidation, Optional<HeldOutScores> withoutTuningClips,
        Optional<TuningRecord> tuning) implements CardMetrics {

    /**
     * @param protocol how the folds were made and trained, in words
     * @param scores   every clip's held-out prediction, scored
     * @param folds    each fold's score
     */
    public record CrossValidation(String protocol, HeldOutScores scores, FoldScores folds) {
        public CrossValidation {
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(scores, "scores");
            Objects.requireNonNull(folds, "folds");
        }
    }

    public RecipeMetrics {
        Objects.requireNonNull(crossValidation, "crossValidation");
        Objects.requireNonNull(withoutTuningClips, "withoutTuningClips");
        Objects.requireNonNull(tuning, "tuning");
    }

    @Override
    public Optional<ModelScore> headline() {
        return withoutTuningClips.or(() -> crossValidation.map(CrossValidation::scores))
                .map(held -> CardMetrics.score(held.report()));
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> metrics = new LinkedHashMap<>();
        crossValidation.ifPresent(cv -> {
            metrics.put("protocol", cv.protocol());
            metrics.put("crossValidation", cv.scores().report().toMap());
            cv.folds().writeTo(metrics);
            cv.scores().musicOnly().ifPresent(m -> metrics.put("crossValidationMusicOnly", m.toMap()));
        });
        // the number to quote when the configuration was tuned on these data: no clip the tuner scored on
        withoutTuningClips.ifPresent(held -> held.writeTo(metrics, "crossValidationWithoutTuningClips"));
        tuning.ifPresent(t -> metrics.put("tuning", t.toMap()));
        return metrics;
    }

    static RecipeMetrics read(CardFields metrics) {
        Optional<CrossValidation> crossValidation = HeldOutScores.read(metrics, "crossValidation")
                .map(scores -> new CrossValidation(metrics.text("protocol"), scores, FoldScores.read(metrics)));
        return new RecipeMetrics(crossValidation, HeldOutScores.read(metrics, "crossValidationWithoutTuningClips"),
                metrics.optSection("tuning").map(TuningRecord::read));
    }
}
