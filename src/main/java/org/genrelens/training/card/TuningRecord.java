package org.genrelens.training.card;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.genrelens.training.data.LabeledClip;
import org.genrelens.training.evaluation.ClassificationMetrics;

/**
 * How a configuration was chosen, carried from {@code genrelens tune --out} through {@code train --config} into the
 * model card: what was searched, with what budget, how many trials ran, and the winner's score on which clips. The
 * validation clips are named so that a cross-validation can leave them out of the score it reports.
 *
 * @param searchSpace        the search space, in words
 * @param budgetMinutes      the time budget
 * @param maxEpochsPerTrial  Hyperband's R
 * @param eta                Hyperband's halving rate
 * @param trials             trials that finished
 * @param bestBalancedAccuracy the winner's track-level balanced accuracy on the validation clips
 * @param bestValidLoss      the winner's class-balanced validation loss
 * @param split              the split the trials were scored on, in words
 * @param validationClips    the clips the trials were scored on, as "genre/file name"
 * @param seed               seed of the split, the sampling and the trials
 * @param changedAfterTuning the tuned choices changed by hand since (configuration-file keys such as
 *                           "featureSpec.bands"), so that a card never passes an edited configuration off as the
 *                           tuner's; empty when the configuration is the tuner's winner
 */
public record TuningRecord(String searchSpace, double budgetMinutes, int maxEpochsPerTrial, int eta, int trials,
        double bestBalancedAccuracy, double bestValidLoss, String split, List<String> validationClips, long seed,
        List<String> changedAfterTuning) {

    public TuningRecord {
        Objects.requireNonNull(searchSpace, "searchSpace");
        Objects.requireNonNull(split, "split");
        validationClips = List.copyOf(validationClips);
        changedAfterTuning = List.copyOf(changedAfterTuning);
        if (!(budgetMinutes > 0) || maxEpochsPerTrial < 1 || eta < 2 || trials < 1) {
            throw new IllegalArgumentException("a tuning record needs budgetMinutes > 0, maxEpochsPerTrial >= 1, "
                    + "eta >= 2 and at least one trial");
        }
    }

    /** The tuner's own record, nothing changed since. */
    public TuningRecord(String searchSpace, double budgetMinutes, int maxEpochsPerTrial, int eta, int trials,
            double bestBalancedAccuracy, double bestValidLoss, String split, List<String> validationClips, long seed) {
        this(searchSpace, budgetMinutes, maxEpochsPerTrial, eta, trials, bestBalancedAccuracy, bestValidLoss, split,
                validationClips, seed, List.of());
    }

    /** This record with {@code keys} added to what was changed after tuning (each named once, in order). */
    public TuningRecord withChanged(List<String> keys) {
        java.util.LinkedHashSet<String> changed = new java.util.LinkedHashSet<>(changedAfterTuning);
        changed.addAll(keys);
        return new TuningRecord(searchSpace, budgetMinutes, maxEpochsPerTrial, eta, trials, bestBalancedAccuracy,
                bestValidLoss, split, validationClips, seed, List.copyOf(changed));
    }

    /** How a clip is named in {@link #validationClips}: its genre and file name, stable across machines. */
    public static String clipName(LabeledClip clip) {
        return clip.genre() + "/" + clip.file().getFileName();
    }

    public boolean isValidationClip(LabeledClip clip) {
        return validationClips.contains(clipName(clip));
    }

    /** Plain values for the model card's "tuning", the scores rounded as the card's other scores. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("searchSpace", searchSpace);
        map.put("budgetMinutes", budgetMinutes);
        map.put("maxEpochsPerTrial", maxEpochsPerTrial);
        map.put("eta", eta);
        map.put("trials", trials);
        map.put("bestBalancedAccuracy", ClassificationMetrics.round(bestBalancedAccuracy));
        map.put("bestValidLoss", ClassificationMetrics.round(bestValidLoss));
        map.put("split", split);
        map.put("validationClips", validationClips);
        map.put("seed", seed);
        if (!changedAfterTuning.isEmpty()) { // a card written before the key existed writes back unchanged
            map.put("changedAfterTuning", changedAfterTuning);
        }
        return map;
    }

    static TuningRecord read(CardFields t) {
        return new TuningRecord(t.text("searchSpace"), t.number("budgetMinutes"), t.integer("maxEpochsPerTrial"),
                t.integer("eta"), t.integer("trials"), t.number("bestBalancedAccuracy"), t.number("bestValidLoss"),
                t.text("split"), t.texts("validationClips"), t.longInteger("seed"),
                t.has("changedAfterTuning") ? t.texts("changedAfterTuning") : List.of());
    }
}
