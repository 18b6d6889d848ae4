package org.genrelens.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.genrelens.training.data.CachedDataset;
import org.genrelens.training.data.DatasetSplit;
import org.genrelens.training.data.DatasetSummary;
import org.genrelens.training.data.LabeledClip;
import org.genrelens.training.data.NonMusicCorpus;
import org.genrelens.training.evaluation.ClassificationMetrics;
import org.genrelens.training.evaluation.EvaluationReport;

/** The card fields a {@link TrainingRecipe} writes: metrics with their protocol, and provenance. */
final class RecipeCard {

    private RecipeCard() {
    }

    static Map<String, Object> metrics(TrainingRecipe.Plan plan, List<String> labels,
            Optional<EvaluationReport> crossValidation, List<Double> foldScores,
            Optional<EvaluationReport> withoutTuning) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        crossValidation.ifPresent(report -> {
            metrics.put("protocol", plan.folds() + "-fold cross-validation by clip, stratified by genre, seed "
                    + plan.settings().seed() + "; each fold trained with early stopping on a "
                    + plan.validFraction() + " by-clip share of its training clips"
                    + (plan.seeds() > 1 ? "; " + plan.seeds() + " networks of different seeds and inner splits "
                            + "per fold, their probabilities averaged, none trained on the fold's held-out clips"
                            : "")
                    + (plan.cepstralMember() > 0 ? "; averaged with a logistic regression on "
                            + plan.cepstralMember() + " cepstral coefficients' statistics fitted on the fold's "
                            + "training clips, weighing " + (plan.cepstralWeight() == 0 ? "as much as each network"
                                    : plan.cepstralWeight() + " of the average") : "")
                    + "; track level (window "
                    + "probabilities averaged) and window level; no clip on both sides");
            metrics.put("crossValidation", report.toMap());
            metrics.put("foldBalancedAccuracy", foldScores.stream().map(ClassificationMetrics::round).toList());
            double mean = foldScores.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double spread = Math.sqrt(foldScores.stream().mapToDouble(v -> (v - mean) * (v - mean))
                    .average().orElse(0));
            metrics.put("balancedAccuracyMean", ClassificationMetrics.round(mean));
            metrics.put("balancedAccuracyStd", ClassificationMetrics.round(spread));
            if (labels.contains(NonMusicCorpus.LABEL)) {
                metrics.put("crossValidationMusicOnly", report.trackLevel().without(NonMusicCorpus.LABEL));
            }
        });
        withoutTuning.ifPresent(report -> {
            // the number to quote when the configuration was tuned on these data: no clip the tuner scored on
            metrics.put("crossValidationWithoutTuningClips", report.toMap());
            if (labels.contains(NonMusicCorpus.LABEL)) {
                metrics.put("crossValidationWithoutTuningClipsMusicOnly",
                        report.trackLevel().without(NonMusicCorpus.LABEL));
            }
        });
        plan.tuning().ifPresent(t -> metrics.put("tuning", tuningMap(t)));
        return metrics;
    }

    private static Map<String, Object> tuningMap(TuningRecord t) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("searchSpace", t.searchSpace());
        map.put("budgetMinutes", t.budgetMinutes());
        map.put("maxEpochsPerTrial", t.maxEpochsPerTrial());
        map.put("eta", t.eta());
        map.put("trials", t.trials());
        map.put("bestBalancedAccuracy", ClassificationMetrics.round(t.bestBalancedAccuracy()));
        map.put("bestValidLoss", ClassificationMetrics.round(t.bestValidLoss()));
        map.put("split", t.split());
        map.put("validationClips", t.validationClips());
        map.put("seed", t.seed());
        return map;
    }

    static Map<String, Object> provenance(TrainingRecipe.Plan plan, CachedDataset all, List<LabeledClip> usable,
            DatasetSplit inner) {
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("trainer", "GenreLens CnnTrainer (DJL " + ai.djl.engine.Engine.getDjlVersion()
                + ", PyTorch engine)");
        provenance.put("dataset", plan.datasetName());
        provenance.put("clips", usable.size());
        provenance.put("clipsPerGenre", DatasetSummary.countsByGenre(usable));
        provenance.put("skipped", all.skipped());
        if (inner != null) {
            provenance.put("finalTrainingClips", inner.train().size());
            provenance.put("finalValidationClips", inner.valid().size());
        }
        provenance.put("seed", plan.settings().seed());
        provenance.put("seedsPerModel", plan.seeds());
        provenance.put("java", Runtime.version().toString());
        return provenance;
    }
}
