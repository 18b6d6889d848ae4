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
 * @param withoutHeardClips  when fine-tuning started from a model that had learned from some of the held-out clips:
 *                           how many, and the scores without them (and without the tuning clips)
 */
public record RecipeMetrics(Optional<CrossValidation> crossValidation, Optional<HeldOutScores> withoutTuningClips,
        Optional<TuningRecord> tuning, Optional<WithoutHeardClips> withoutHeardClips) implements CardMetrics {

    private static final String HEARD_COUNT = "heldOutClipsTheStartHeard";
    private static final String WITHOUT_HEARD = "crossValidationWithoutHeardClips";

    public RecipeMetrics(Optional<CrossValidation> crossValidation, Optional<HeldOutScores> withoutTuningClips,
            Optional<TuningRecord> tuning) {
        this(crossValidation, withoutTuningClips, tuning, Optional.empty());
    }

    /**
     * A fine-tuning's held-out clips that its starting model had already learned from: its weights carry them into
     * every fold, so they flatter the score, which is quoted without them.
     *
     * @param heldOutClips how many held-out clips the starting model had heard
     * @param scores       the cross-validation without them; empty when it had heard every one
     */
    public record WithoutHeardClips(int heldOutClips, Optional<HeldOutScores> scores) {
        public WithoutHeardClips {
            Objects.requireNonNull(scores, "scores");
            if (heldOutClips < 1) {
                throw new IllegalArgumentException("heldOutClips must be at least 1, was " + heldOutClips);
            }
        }
    }

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
        Objects.requireNonNull(withoutHeardClips, "withoutHeardClips");
    }

    /** Without the clips the starting model heard when it heard some; none when it heard them all. */
    @Override
    public Optional<ModelScore> headline() {
        if (withoutHeardClips.isPresent()) {
            return withoutHeardClips.get().scores().map(held -> CardMetrics.score(held.report()));
        }
        return withoutTuningClips.or(() -> crossValidation.map(CrossValidation::scores))
                .map(held -> CardMetrics.score(held.report()));
    }

    /** Why a cross-validated model has no headline: its starting model had learned from every held-out clip. */
    public Optional<String> unscoredBecause() {
        return withoutHeardClips.filter(heard -> heard.scores().isEmpty()).map(heard -> "the model it was fine-tuned "
                + "from had learned from all " + heard.heldOutClips() + " clips it was cross-validated on, so that "
                + "score would flatter it");
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
        withoutHeardClips.ifPresent(heard -> {
            metrics.put(HEARD_COUNT, heard.heldOutClips());
            heard.scores().ifPresent(held -> held.writeTo(metrics, WITHOUT_HEARD));
        });
        tuning.ifPresent(t -> metrics.put("tuning", t.toMap()));
        return metrics;
    }

    static RecipeMetrics read(CardFields metrics) {
        Optional<CrossValidation> crossValidation = HeldOutScores.read(metrics, "crossValidation")
                .map(scores -> new CrossValidation(metrics.text("protocol"), scores, FoldScores.read(metrics)));
        Optional<WithoutHeardClips> withoutHeard = metrics.optInteger(HEARD_COUNT)
                .map(heard -> new WithoutHeardClips(heard, HeldOutScores.read(metrics, WITHOUT_HEARD)));
        return new RecipeMetrics(crossValidation, HeldOutScores.read(metrics, "crossValidationWithoutTuningClips"),
                metrics.optSection("tuning").map(TuningRecord::read), withoutHeard);
    }
}
