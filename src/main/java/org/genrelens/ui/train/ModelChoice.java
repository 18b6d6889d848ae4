package org.genrelens.ui.train;

import java.util.Optional;
import org.genrelens.training.evaluation.ModelScore;

/**
 * The trained model beside the one in use, each with its measured score and protocol: whether installing it needs
 * the user's yes (it scores lower, or either has no score), and the sentence that says so.
 */
record ModelChoice(boolean askFirst, String text) {

    static ModelChoice compare(Optional<ModelScore> candidate, Optional<ModelScore> active) {
        return compare(candidate, Optional.empty(), active);
    }

    /** @param unscoredBecause why a cross-validated candidate still has no score, when it has none */
    static ModelChoice compare(Optional<ModelScore> candidate, Optional<String> unscoredBecause,
            Optional<ModelScore> active) {
        String trainedText = candidate.map(s -> "The trained model: " + s.describe() + ".")
                .orElse(unscoredBecause.map(why -> "The trained model has no score: " + why + ".")
                        .orElse("The trained model was not cross-validated (choose 2 or more folds to measure it)."));
        String activeText = active.map(s -> "The model in use: " + s.describe() + ".")
                .orElse("The model in use has no cross-validated score.");
        String both = trainedText + " " + activeText;
        if (candidate.isEmpty() || active.isEmpty()) {
            return new ModelChoice(true, both + " They cannot be compared.");
        }
        if (candidate.get().balancedAccuracy() < active.get().balancedAccuracy()) {
            return new ModelChoice(true, both + " The trained model scores lower.");
        }
        return new ModelChoice(false, both);
    }
}
