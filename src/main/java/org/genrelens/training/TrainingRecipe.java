package org.genrelens.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.features.FeatureSpec;
import org.genrelens.inference.ModelCard;
import org.genrelens.task.Cancellation;
import org.genrelens.task.ProgressListener;
import org.genrelens.training.baseline.BaselineTrainer;
import org.genrelens.training.baseline.CepstralStatistics;
import org.genrelens.training.card.EnsembleDescription;
import org.genrelens.training.card.HeardClips;
import org.genrelens.training.card.RecipeMetrics;
import org.genrelens.training.card.TuningRecord;
import org.genrelens.training.cnn.CnnTrainer;
import org.genrelens.training.cnn.EpochReport;
import org.genrelens.training.cnn.HeldOutPredictor;
import org.genrelens.training.cnn.ModelSpec;
import org.genrelens.training.cnn.NetworkStart;
import org.genrelens.training.cnn.OnnxExporter;
import org.genrelens.training.cnn.TrainedModel;
import org.genrelens.training.cnn.TrainingProgress;
import org.genrelens.training.cnn.TrainingSettings;
import org.genrelens.training.cnn.WeightSource;
import org.genrelens.training.data.CachedClip;
import org.genrelens.training.data.CachedDataset;
import org.genrelens.training.data.DatasetSplit;
import org.genrelens.training.data.LabeledClip;
import org.genrelens.training.data.SpectrumCache;
import org.genrelens.training.data.StratifiedFolds;
import org.genrelens.training.data.StratifiedSplit;
import org.genrelens.training.evaluation.ClipPrediction;
import org.genrelens.training.evaluation.EvaluationReport;
import org.genrelens.training.onnx.ModelEnsembler;
import org.genrelens.training.sampling.Augmentation;
import org.genrelens.training.sampling.TileSampler;

/**
 * The whole training job behind `genrelens train` and the Train tab: features computed once, optional k-fold
 * cross-validation by clip (the honest estimate that goes into the card), then the final model trained on all
 * clips (minus an inner validation share for early stopping) and exported with its card.
 */
public final class TrainingRecipe {

    /**
     * @param folds         0 for no cross-validation, else k >= 2
     * @param validFraction share of the training clips held out (by clip) for early stopping
     * @param seeds         networks trained per model, each with its own seed and inner split, their probabilities
     *                      averaged: in every cross-validation fold (so the ensemble is measured on clips none of
     *                      its members saw) and in the exported model (one graph, {@link ModelEnsembler})
     * @param cepstralMember 0, or that many cepstral coefficients for one more member: the statistics baseline
     *                       ({@link CepstralStatistics}, logistic regression) fitted on the same training clips
     * @param cepstralWeight the cepstral member's share of the average, the networks sharing the rest equally;
     *                       0 = an equal share for every member
     * @param startHeard     the clips the model fine-tuning starts from had learned from (none from scratch): held-out
     *                       clips among them are left out of the score the card quotes
     */
    public record Plan(List<LabeledClip> clips, String datasetName, FeatureSpec featureSpec, ModelSpec modelSpec,
            TrainingSettings settings, int folds, double validFraction, WeightSource initialWeights,
            Optional<Path> cacheDirectory, int seeds, int cepstralMember, double cepstralWeight,
            Optional<TuningRecord> tuning, HeardClips startHeard) {
        public Plan(List<LabeledClip> clips, String datasetName, FeatureSpec featureSpec, ModelSpec modelSpec,
                TrainingSettings settings, int folds, double validFraction, WeightSource initialWeights,
                Optional<Path> cacheDirectory) {
            this(clips, datasetName, featureSpec, modelSpec, settings, folds, validFraction, initialWeights,
                    cacheDirectory, 1, 0, 0, Optional.empty(), HeardClips.none());
        }

        public Plan {
            if (seeds < 1 || cepstralMember < 0) {
                throw new IllegalArgumentException("seeds must be at least 1 and cepstralMember 0 or more");
            }
            if (!(cepstralWeight >= 0 && cepstralWeight < 1)) {
                throw new IllegalArgumentException("cepstralWeight must be in [0, 1), was " + cepstralWeight);
            }
            clips = List.copyOf(clips);
            Objects.requireNonNull(featureSpec, "featureSpec");
            Objects.requireNonNull(modelSpec, "modelSpec");
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(initialWeights, "initialWeights");
            Objects.requireNonNull(tuning, "tuning");
            Objects.requireNonNull(startHeard, "startHeard");
            if (folds == 1 || folds < 0) {
                throw new IllegalArgumentException("folds must be 0 (no cross-validation) or at least 2");
            }
            if (!(validFraction > 0 && validFraction < 0.5)) {
                throw new IllegalArgumentException("validFraction must be in (0, 0.5)");
            }
        }

        public List<String> labels() {
            return List.copyOf(new TreeSet<>(clips.stream().map(LabeledClip::genre).toList()));
        }
    }

    /** What the recipe reports as it goes. */
    public interface Listener extends TrainingProgress {
        /** A stage starts: "features", "fold 2 of 5", "final model". */
        default void onStage(String stage) {
        }

        /**
         * A cross-validation fold is done: each member's predictions of the fold's held-out clips (networks in seed
         * order, then the cepstral member), before they are averaged. For reports that compare the members.
         */
        default void onFoldPredictions(int fold, List<List<ClipPrediction>> members) {
        }

        /**
         * A cross-validation fold's network is trained, before it is closed: for writing it out with the clips it never
         * saw (e.g. to measure quick mode on held-out clips). {@code member} counts the seeds from 0.
         */
        default void onFoldModel(int fold, int member, TrainedModel model, TrainingSettings settings,
                List<LabeledClip> heldOut) {
        }

        /** Per clip while features are computed. */
        default ProgressListener featureProgress() {
            return ProgressListener.NONE;
        }
    }

    /**
     * @param crossValidation       every clip's held-out prediction, scored
     * @param withoutTuningClips    the same without the clips a tuner chose this configuration on: the honest
     *                              score when the configuration was tuned on these data (absent when it was not)
     */
    public record Outcome(Path model, ModelCard card, Optional<EvaluationReport> crossValidation,
            List<Double> foldBalancedAccuracies, List<EpochReport> finalHistory, boolean cancelled,
            Optional<EvaluationReport> withoutTuningClips) {
    }

    private final AudioDecoder decoder;

    public TrainingRecipe(AudioDecoder decoder) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
    }

    public Outcome run(Plan plan, Path target, Listener listener, Cancellation cancellation) throws IOException {
        List<String> labels = plan.labels();
        ModelSpec modelSpec = plan.modelSpec().withClasses(labels.size());
        listener.onStage("features");
        CachedDataset all = new SpectrumCache(decoder, plan.featureSpec(), plan.cacheDirectory())
                .load(plan.clips(), labels, listener.featureProgress(), cancellation);
        List<LabeledClip> usable = all.clips().stream().map(CachedClip::clip).toList();

        Optional<EvaluationReport> crossValidation = Optional.empty();
        List<Double> foldScores = new ArrayList<>();
        List<ClipPrediction> heldOut = new ArrayList<>();
        if (plan.folds() >= 2) {
            crossValidation = Optional.of(crossValidate(plan, all, usable, modelSpec, listener, cancellation,
                    foldScores, heldOut));
            if (cancellation.isCancelled()) {
                throw new org.genrelens.task.CancelledException();
            }
        }
        Optional<EvaluationReport> withoutTuning = plan.tuning().filter(t -> !heldOut.isEmpty()).map(t ->
                EvaluationReport.of(plan.folds() + "-fold-by-clip-without-" + t.validationClips().size()
                        + "-tuning-clips", all.labels(), heldOut.stream()
                        .filter(p -> !t.isValidationClip(p.clip())).toList(), all.skipped()));
        Optional<RecipeMetrics.WithoutHeardClips> withoutHeard = RecipeCard.withoutHeardClips(plan, all, heldOut);
        if (plan.seeds() > 1 || plan.cepstralMember() > 0) {
            return exportEnsemble(plan, all, usable, modelSpec, target, listener, cancellation, crossValidation,
                    foldScores, withoutTuning, withoutHeard);
        }
        listener.onStage("final model");
        DatasetSplit inner = StratifiedSplit.split(usable, plan.validFraction(), 0.0, plan.settings().seed());
        try (TrainedModel trained = new CnnTrainer(plan.settings()).train(all.subset(inner.train()),
                all.subset(inner.valid()), modelSpec, start(plan, modelSpec, all.subset(inner.train()), 0,
                        cancellation), listener, cancellation)) {
            var metrics = RecipeCard.metrics(plan, labels, crossValidation, foldScores, withoutTuning, withoutHeard);
            var provenance = RecipeCard.provenance(plan, all, usable, inner, trained.cancelled());
            ModelCard card = trained.export(target, plan.settings(), provenance.toMap(), metrics.toMap());
            return new Outcome(target, card, crossValidation, List.copyOf(foldScores), trained.history(),
                    trained.cancelled(), withoutTuning);
        }
    }

    /** Trains {@code plan.seeds()} final networks and writes them as one averaging graph with one card. */
    private Outcome exportEnsemble(Plan plan, CachedDataset all, List<LabeledClip> usable, ModelSpec modelSpec,
            Path target, Listener listener, Cancellation cancellation, Optional<EvaluationReport> crossValidation,
            List<Double> foldScores, Optional<EvaluationReport> withoutTuning,
            Optional<RecipeMetrics.WithoutHeardClips> withoutHeard) throws IOException {
        Path scratch = java.nio.file.Files.createTempDirectory("genrelens-ensemble");
        try {
            List<Path> members = new ArrayList<>();
            List<EnsembleDescription.Member> memberSpecs = new ArrayList<>();
            List<EpochReport> lastHistory = List.of();
            boolean cancelled = false;
            for (int s = 0; s < plan.seeds() && !cancelled; s++) {
                listener.onStage("final model, seed " + (s + 1) + " of " + plan.seeds());
                TrainingSettings settings = plan.settings().withSeed(memberSeed(plan, s));
                DatasetSplit inner = StratifiedSplit.split(usable, plan.validFraction(), 0.0, memberSeed(plan, s));
                try (TrainedModel trained = new CnnTrainer(settings).train(all.subset(inner.train()),
                        all.subset(inner.valid()), modelSpec, start(plan, modelSpec, all.subset(inner.train()), s,
                                cancellation), listener, cancellation)) {
                    Path member = scratch.resolve("member-" + s + ".onnx");
                    OnnxExporter.export(trained.block(), modelSpec, plan.featureSpec(), member);
                    members.add(member);
                    memberSpecs.add(new EnsembleDescription.NetworkMember(settings.seed(), trained.bestEpoch(),
                            trained.history().size(), inner.train().size(), inner.valid().size()));
                    lastHistory = trained.history();
                    cancelled = trained.cancelled();
                }
            }
            if (plan.cepstralMember() > 0 && !cancelled) {
                listener.onStage("final model, cepstral statistics member");
                BaselineTrainer statistics = cepstralTrainer(plan);
                Path member = scratch.resolve("member-cepstral.onnx");
                statistics.writeModel(member, statistics.fit(all, cancellation));
                members.add(member);
                memberSpecs.add(new EnsembleDescription.StatisticsMember(plan.cepstralMember(),
                        statistics.settings().l2(), usable.size()));
            }
            ModelEnsembler.writeGraph(members, weights(plan, members.size()), plan.featureSpec().inputShape(),
                    modelSpec.classes(), target);
            Map<String, Object> spec = new LinkedHashMap<>(modelSpec.toMap());
            spec.put("training", plan.settings().toMap());
            spec.put(EnsembleDescription.KEY, EnsembleDescription.weightedMean(weights(plan, members.size()),
                    memberSpecs).toMap());
            var provenance = RecipeCard.provenance(plan, all, usable, null, cancelled);
            String name = target.getFileName().toString().replaceFirst("\\.onnx$", "");
            ModelCard card = ModelCard.describe(target, name, plan.labels(), plan.featureSpec(), provenance.toMap(),
                    spec, RecipeCard.metrics(plan, plan.labels(), crossValidation, foldScores, withoutTuning,
                            withoutHeard).toMap());
            card.write(ModelCard.cardPathFor(target));
            return new Outcome(target, card, crossValidation, List.copyOf(foldScores), lastHistory, cancelled,
                    withoutTuning);
        } finally {
            try (var files = java.nio.file.Files.list(scratch)) {
                for (Path file : files.toList()) {
                    java.nio.file.Files.deleteIfExists(file);
                }
            }
            java.nio.file.Files.deleteIfExists(scratch);
        }
    }

    /** Networks first, then the cepstral member (if any) with its weight; equal shares when it has none. */
    private static double[] weights(Plan plan, int members) {
        double[] weights = new double[members];
        boolean cepstral = plan.cepstralMember() > 0 && members == plan.seeds() + 1;
        if (!cepstral || plan.cepstralWeight() == 0) {
            java.util.Arrays.fill(weights, 1.0 / members);
            return weights;
        }
        java.util.Arrays.fill(weights, (1 - plan.cepstralWeight()) / (members - 1));
        weights[members - 1] = plan.cepstralWeight();
        return weights;
    }

    private BaselineTrainer cepstralTrainer(Plan plan) {
        BaselineTrainer.Settings defaults = BaselineTrainer.Settings.defaults();
        return new BaselineTrainer(decoder, new BaselineTrainer.Settings(plan.featureSpec(), plan.folds(),
                plan.settings().seed(), defaults.l2(), defaults.iterations(), defaults.learningRate(),
                plan.cepstralMember()));
    }

    /**
     * Where network {@code member} starts: the plan's weights (fine-tuning; each member of a fine-tuned seed
     * ensemble from its own network), or, for a fresh network whose statistics reach its
     * classifier, a logistic regression fitted on the same training clips (decision record 16). Fine-tuning onto new
     * genres keeps the model's trunk and gives it the same regression start as a fresh network, rather than a
     * random output layer: the new head begins where the statistics already are (decision record 25).
     */
    private WeightSource start(Plan plan, ModelSpec modelSpec, CachedDataset training, int member,
            Cancellation cancellation) {
        java.util.function.Supplier<WeightSource> fresh = () -> NetworkStart.fresh(plan.featureSpec(), modelSpec,
                training, plan.settings().seed(), cancellation);
        if (plan.initialWeights() == WeightSource.RANDOM) {
            return fresh.get();
        }
        WeightSource imported = plan.initialWeights().forMember(member);
        boolean newHeadFromRegression = imported.replacesHead() && modelSpec.statistics().acceptsRegression();
        return newHeadFromRegression ? imported.then(fresh.get()) : imported;
    }

    /** Member 0 uses the plan's seed, so one seed reproduces the single-network recipe exactly. */
    private static long memberSeed(Plan plan, int member) {
        return plan.settings().seed() + 1000L * member;
    }

    private EvaluationReport crossValidate(Plan plan, CachedDataset all, List<LabeledClip> usable,
            ModelSpec modelSpec, Listener listener, Cancellation cancellation, List<Double> foldScores,
            List<ClipPrediction> predictions) {
        List<List<LabeledClip>> folds = StratifiedFolds.split(usable, plan.folds(), plan.settings().seed());
        TileSampler sampler = new TileSampler(plan.featureSpec(), Augmentation.none());
        for (int f = 0; f < folds.size() && !cancellation.isCancelled(); f++) {
            List<List<ClipPrediction>> members = new ArrayList<>();
            for (int s = 0; s < plan.seeds() && !cancellation.isCancelled(); s++) {
                listener.onStage("fold " + (f + 1) + " of " + folds.size()
                        + (plan.seeds() > 1 ? ", seed " + (s + 1) + " of " + plan.seeds() : ""));
                // each member its own seed and inner split; all of them train on the other folds only
                DatasetSplit inner = StratifiedSplit.split(StratifiedFolds.allBut(folds, f), plan.validFraction(),
                        0.0, memberSeed(plan, s) + f);
                try (TrainedModel trained = new CnnTrainer(plan.settings().withSeed(memberSeed(plan, s)))
                        .train(all.subset(inner.train()), all.subset(inner.valid()), modelSpec,
                                start(plan, modelSpec, all.subset(inner.train()), s, cancellation), listener,
                                cancellation)) {
                    members.add(new HeldOutPredictor(sampler, plan.settings().batchSize())
                            .predict(trained, all.subset(folds.get(f))));
                    listener.onFoldModel(f + 1, s, trained, plan.settings().withSeed(memberSeed(plan, s)),
                            all.subset(folds.get(f)).labeledClips());
                }
            }
            if (cancellation.isCancelled()) {
                break;
            }
            if (plan.cepstralMember() > 0) {
                listener.onStage("fold " + (f + 1) + " of " + folds.size() + ", cepstral statistics member");
                BaselineTrainer statistics = cepstralTrainer(plan);
                // the fold's training clips, all of them: the regression needs no early stopping
                members.add(statistics.predict(statistics.fit(all.subset(StratifiedFolds.allBut(folds, f)),
                        cancellation), all.subset(folds.get(f))));
            }
            listener.onFoldPredictions(f + 1, List.copyOf(members));
            List<ClipPrediction> fold = ClipPrediction.weightedMean(members, weights(plan, members.size()));
            double foldScore = EvaluationReport.of("fold " + (f + 1), all.labels(), fold, List.of()).trackLevel()
                    .balancedAccuracy();
            // each fold's score as it comes (and each member's, so what averaging buys shows): a long run that is
            // stopped still tells what it measured
            listener.onStage("fold " + (f + 1) + " balanced accuracy " + (members.size() > 1 ? "per member "
                    + members.stream().map(m -> String.format(java.util.Locale.ROOT, "%.3f", EvaluationReport.of(
                            "member", all.labels(), m, List.of()).trackLevel().balancedAccuracy())).toList()
                    + ", averaged " : "") + String.format(java.util.Locale.ROOT, "%.3f", foldScore));
            foldScores.add(foldScore);
            predictions.addAll(fold);
        }
        return EvaluationReport.of(plan.folds() + "-fold-by-clip", all.labels(), predictions, all.skipped());
    }
}
