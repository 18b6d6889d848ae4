package org.genrelens.training.cnn;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.genrelens.features.FeatureSpec;
import org.genrelens.task.Cancellation;
import org.genrelens.training.data.CachedDataset;
import org.genrelens.training.sampling.Batch;
import org.genrelens.training.sampling.TileSampler;

/**
 * Trains a {@link ModelSpec} CNN with DJL: Adam, learning-rate reduction on plateau, early stopping, the best epoch
 * by validation loss (the starting weights included, as epoch 0) kept and restored, seeded. A
 * statistics branch can stay frozen for the first epochs and join at a lower rate (decision record 16). Cancelling stops at the next step and still
 * returns the best epoch so far, so a cancelled run leaves a usable model.
 */
public final class CnnTrainer {

    static {
        // never reach for the network: the CPU natives come from the pytorch-native-cpu jar
        System.setProperty("ai.djl.offline", "true");
        PyTorchSetup.prepare();
    }

    private static final System.Logger LOG = System.getLogger(CnnTrainer.class.getName());

    private final TrainingSettings settings;

    public CnnTrainer(TrainingSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * @param initial optional weights to start from (fine-tuning): called with the freshly initialised block
     */
    public TrainedModel train(CachedDataset train, CachedDataset valid, ModelSpec spec, WeightSource initial,
            TrainingProgress progress, Cancellation cancellation) {
        FeatureSpec featureSpec = train.spec();
        if (!featureSpec.equals(valid.spec())) {
            throw new IllegalArgumentException("training and validation data were computed with different specs");
        }
        if (spec.classes() != train.labels().size()) {
            throw new IllegalArgumentException("the model has " + spec.classes() + " outputs but the data has "
                    + train.labels().size() + " genres");
        }
        if (train.clips().isEmpty() || valid.clips().isEmpty()) {
            throw new IllegalArgumentException("training needs clips on both the training and validation side");
        }
        Engine.getInstance().setRandomSeed((int) settings.seed());
        Random random = new Random(settings.seed());
        Block block = CnnBuilder.build(spec);
        Model model = Model.newInstance("genre-cnn");
        model.setBlock(block);
        PlateauLearningRate rate = new PlateauLearningRate(settings.learningRate(), settings.plateauFactor(),
                settings.plateauPatience(), settings.minLearningRate());
        try (Trainer trainer = startedTrainer(model, featureSpec, spec, initial, rate)) {
            TileSampler sampler = new TileSampler(featureSpec, settings.augmentation());
            ValidationRun validation = new ValidationRun(sampler, settings.batchSize());
            List<EpochReport> history = new ArrayList<>();
            // epoch 0 is a candidate too: a network started from a fitted model must not end worse than its start
            ValidationRun.Result start = validation.run(trainer, valid);
            ParameterSnapshot best = ParameterSnapshot.of(block);
            double bestLoss = start.loss();
            double bestBalanced = start.balancedAccuracy();
            int bestEpoch = 0;
            int sinceBest = 0;
            boolean cancelled = false;
            boolean warmingUp = spec.statistics().present() && settings.statisticsWarmupEpochs() > 0;
            if (warmingUp) {
                StatisticsBranch.freeze(block, spec, true);
            }
            long started = System.nanoTime();
            for (int epoch = 1; epoch <= settings.maxEpochs(); epoch++) {
                if (warmingUp && epoch > settings.statisticsWarmupEpochs()) {
                    warmingUp = false;
                    StatisticsBranch.freeze(block, spec, false);
                    GradientBuffers.clear(block);
                    rate.scale(settings.unfreezeRateFactor());
                }
                EpochTotals totals = runEpoch(trainer, sampler, train, epoch, random, progress, cancellation);
                if (totals == null) {
                    cancelled = true;
                    break;
                }
                if (!Double.isFinite(totals.meanLoss())) {
                    LOG.log(System.Logger.Level.WARNING, "training diverged at epoch {0} (the loss is not finite); "
                            + "keeping epoch {1}. A lower learning rate may help", epoch, bestEpoch);
                    break;
                }
                ValidationRun.Result checked = validation.run(trainer, valid);
                // best by the class-balanced validation loss: on a few dozen validation clips balanced accuracy
                // jumps by a genre's whole recall per clip, and picking its maximum over 40 epochs picks noise
                // (decision record 16); the start is epoch 0
                boolean improved = checked.loss() < bestLoss;
                if (improved) {
                    bestLoss = checked.loss();
                    bestBalanced = checked.balancedAccuracy();
                    bestEpoch = epoch;
                    best = ParameterSnapshot.of(block);
                    sinceBest = 0;
                } else {
                    sinceBest++;
                }
                double learningRate = rate.current();
                rate.onValidation(checked.loss());
                Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
                Duration eta = elapsed.dividedBy(epoch).multipliedBy(settings.maxEpochs() - epoch);
                EpochReport report = new EpochReport(epoch, settings.maxEpochs(), totals.meanLoss(),
                        totals.accuracy(), checked.loss(), checked.balancedAccuracy(), learningRate, improved,
                        elapsed, eta);
                history.add(report);
                progress.onEpoch(report);
                boolean stillWarming = warmingUp && epoch < settings.statisticsWarmupEpochs();
                if (sinceBest >= settings.earlyStoppingPatience() && !stillWarming || cancellation.isCancelled()) {
                    cancelled = cancellation.isCancelled();
                    break;
                }
            }
            best.restoreInto(block);
            return new TrainedModel(model, block, spec, featureSpec, train.labels(), history, bestEpoch, bestLoss,
                    bestBalanced, cancelled);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        } finally {
            // the trainer is closed: give the memory its steps kept for reuse back to the system
            NativeAllocations.giveBack();
        }
    }

    /**
     * The validation score of a network at its start, before any training: what epoch 0 of {@link #train} would
     * report. The tuner scores spectrograms by it, because a statistics network starts from its regression
     * (decision record 16).
     */
    public StartScore scoreStart(CachedDataset valid, ModelSpec spec, WeightSource initial) {
        Engine.getInstance().setRandomSeed((int) settings.seed());
        try (Model model = Model.newInstance("genre-cnn")) {
            model.setBlock(CnnBuilder.build(spec));
            PlateauLearningRate rate = new PlateauLearningRate(settings.learningRate(), settings.plateauFactor(),
                    settings.plateauPatience(), settings.minLearningRate());
            try (Trainer trainer = startedTrainer(model, valid.spec(), spec, initial, rate)) {
                ValidationRun.Result start = new ValidationRun(new TileSampler(valid.spec(), settings.augmentation()),
                        settings.batchSize()).run(trainer, valid);
                return new StartScore(start.loss(), start.balancedAccuracy());
            }
        }
    }

    /** A network's class-balanced validation loss and track-level balanced accuracy at its start. */
    public record StartScore(double validLoss, double validBalancedAccuracy) {
    }

    private Trainer startedTrainer(Model model, FeatureSpec featureSpec, ModelSpec spec, WeightSource initial,
            PlateauLearningRate rate) {
        DefaultTrainingConfig config = new DefaultTrainingConfig(
                Loss.softmaxCrossEntropyLoss("loss", 1f, -1, false, true))
                .optOptimizer(Optimizer.adam().optLearningRateTracker(rate)
                        .optWeightDecays((float) settings.weightDecay()).build());
        Trainer trainer = model.newTrainer(config);
        try {
            long[] inputShape = featureSpec.inputShape();
            trainer.initialize(new Shape(1, inputShape[1], inputShape[2], inputShape[3]));
            initial.apply(model.getBlock(), spec);
            GradientBuffers.clear(model.getBlock());
            return trainer;
        } catch (RuntimeException e) {
            trainer.close();
            throw e;
        }
    }

    /** One pass over the sampler's epoch; null when cancelled. */
    private EpochTotals runEpoch(Trainer trainer, TileSampler sampler, CachedDataset train, int epoch, Random random,
            TrainingProgress progress, Cancellation cancellation) {
        // one batch at a time: cut ahead, an epoch of GTZAN's size at the bundled network's tiles takes 3 GB
        TileSampler.Epoch batches = sampler.epoch(train.clips(), train.labels().size(), settings.batchSize(),
                settings.classBalanced(), random);
        FeatureSpec spec = train.spec();
        double lossSum = 0;
        long correct = 0;
        long seen = 0;
        int step = 0;
        while (batches.hasNext()) {
            Batch batch = batches.next();
            if (cancellation.isCancelled()) {
                return null;
            }
            try (NDManager batchManager = trainer.getManager().newSubManager()) {
                NDArray x = batchManager.create(batch.tiles(),
                        new Shape(batch.count(), spec.channels(), spec.height(), spec.framesPerWindow()));
                NDArray y = batchManager.create(batch.targets(), new Shape(batch.count(), batch.classes()));
                NDList labels = new NDList(y);
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDList predictions = trainer.forward(new NDList(x), labels);
                    NDArray loss = trainer.getLoss().evaluate(labels, predictions);
                    collector.backward(loss);
                    double batchLoss = loss.getFloat();
                    if (!Double.isFinite(batchLoss)) {
                        return new EpochTotals(Double.NaN, 0);
                    }
                    lossSum += batchLoss * batch.count();
                    correct += predictions.singletonOrThrow().argMax(1)
                            .eq(y.argMax(1)).countNonzero().getLong();
                    seen += batch.count();
                    step++;
                    progress.onStep(epoch, step, batches.batchCount(), batchLoss);
                }
                trainer.step();
            }
        }
        return new EpochTotals(seen == 0 ? 0 : lossSum / seen, seen == 0 ? 0 : (double) correct / seen);
    }

    private record EpochTotals(double meanLoss, double accuracy) {
    }
}
