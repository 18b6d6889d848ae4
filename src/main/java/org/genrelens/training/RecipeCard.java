package org.genrelens.training;

import java.util.List;
import java.util.Optional;
import org.genrelens.training.card.FoldScores;
import org.genrelens.training.card.HeldOutScores;
import org.genrelens.training.card.RecipeMetrics;
import org.genrelens.training.card.TrainingProvenance;
import org.genrelens.training.data.CachedDataset;
import org.genrelens.training.data.DatasetSplit;
import org.genrelens.training.data.DatasetSummary;
import org.genrelens.training.data.LabeledClip;
import org.genrelens.training.data.NonMusicCorpus;
import org.genrelens.training.evaluation.ClipPrediction;
import org.genrelens.training.evaluation.EvaluationReport;

/** The card fields a {@link TrainingRecipe} writes: metrics with their protocol, and provenance. */
final class RecipeCard {

    private RecipeCard() {
    }

    static RecipeMetrics metrics(TrainingRecipe.Plan plan, List<String> labels,
            Optional<EvaluationReport> crossValidation, List<Double> foldScores,
            Optional<EvaluationReport> withoutTuning, Optional<RecipeMetrics.WithoutHeardClips> withoutHeard) {
        return new RecipeMetrics(crossValidation.map(report -> new RecipeMetrics.CrossValidation(protocol(plan),
                        scores(report, labels), FoldScores.of(foldScores))),
                withoutTuning.map(report -> scores(report, labels)), plan.tuning(), withoutHeard);
    }

    /**
     * When fine-tuning started from a model that had learned from some held-out clips: the scores without them (and
     * without the tuning clips), since the starting weights carry those clips into every fold.
     */
    static Optional<RecipeMetrics.WithoutHeardClips> withoutHeardClips(TrainingRecipe.Plan plan, CachedDataset all,
            List<ClipPrediction> heldOut) {
        List<ClipPrediction> heard = heldOut.stream().filter(p -> plan.startHeard().heard(p.clip())).toList();
        if (heard.isEmpty()) {
            return Optional.empty();
        }
        List<ClipPrediction> unheard = heldOut.stream().filter(p -> !plan.startHeard().heard(p.clip()))
                .filter(p -> plan.tuning().map(t -> !t.isValidationClip(p.clip())).orElse(true)).toList();
        String split = plan.folds() + "-fold-by-clip-without-" + (heldOut.size() - unheard.size())
                + (plan.tuning().isPresent() ? "-tuning-clips-or" : "") + "-clips-the-start-heard";
        Optional<HeldOutScores> scores = unheard.isEmpty() ? Optional.empty() : Optional.of(scores(
                EvaluationReport.of(split, all.labels(), unheard, all.skipped()), plan.labels()));
        return Optional.of(new RecipeMetrics.WithoutHeardClips(heard.size(), scores));
    }

    /** With the genres-only scores when the model also knows not-music. */
    private static HeldOutScores scores(EvaluationReport report, List<String> labels) {
        return labels.contains(NonMusicCorpus.LABEL) ? HeldOutScores.of(report, NonMusicCorpus.LABEL)
                : new HeldOutScores(report, Optional.empty());
    }

    private static String protocol(TrainingRecipe.Plan plan) {
        return plan.folds() + "-fold cross-validation by clip, stratified by genre, seed "
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
                + "probabilities averaged) and window level; no clip on both sides";
    }

    /**
     * @param inner the final network's split; null for an ensemble, whose members each have their own
     */
    static TrainingProvenance provenance(TrainingRecipe.Plan plan, CachedDataset all, List<LabeledClip> usable,
            DatasetSplit inner, boolean cancelled) {
        Optional<DatasetSplit> split = Optional.ofNullable(inner);
        return new TrainingProvenance("GenreLens CnnTrainer (DJL " + ai.djl.engine.Engine.getDjlVersion()
                + ", PyTorch engine)", plan.datasetName(), usable.size(), DatasetSummary.countsByGenre(usable),
                Optional.empty(), all.skipped(), split.map(s -> s.train().size()), split.map(s -> s.valid().size()),
                plan.settings().seed(), Optional.of(plan.seeds()), TrainingProvenance.runningJava(), Optional.empty(),
                Optional.of(cancelled), Optional.of(plan.startHeard().and(usable)));
    }
}
