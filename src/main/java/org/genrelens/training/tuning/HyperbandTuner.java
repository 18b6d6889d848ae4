package org.genrelens.training.tuning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;
import org.genrelens.features.FeatureSpec;
import org.genrelens.task.Cancellation;
import org.genrelens.task.CancelledException;
import org.genrelens.training.TrainingConfig;
import org.genrelens.training.cnn.CnnTrainer;
import org.genrelens.training.cnn.NetworkStart;
import org.genrelens.training.cnn.TrainedModel;
import org.genrelens.training.cnn.TrainingProgress;
import org.genrelens.training.cnn.TrainingSettings;
import org.genrelens.training.cnn.WeightSource;
import org.genrelens.training.data.CachedDataset;

/**
 * Hyperband (Li et al., 2018): brackets of successive halving over randomly sampled configurations, with the
 * budget measured in epochs and an overall time limit. Features are computed once per FeatureSpec by the data
 * function the caller supplies (which caches them), never per trial.
 */
public final class HyperbandTuner {

    /** @param maxEpochsPerTrial R, the most epochs one configuration gets; eta, the halving rate */
    public record Budget(int maxEpochsPerTrial, int eta, Duration timeLimit) {
        public Budget {
            if (maxEpochsPerTrial < 1 || eta < 2) {
                throw new IllegalArgumentException("need maxEpochsPerTrial >= 1 and eta >= 2");
            }
            Objects.requireNonNull(timeLimit, "timeLimit");
        }
    }

    /** Training and validation data of one FeatureSpec. */
    public record SplitData(CachedDataset train, CachedDataset valid) {
    }

    public record Trial(int id, int bracket, TrainingConfig config, int epochs, double validLoss,
            double validBalancedAccuracy, Duration duration) {
    }

    public record Result(List<Trial> trials, Trial best, boolean stoppedEarly) {
    }

    /** Told about every finished trial. */
    @FunctionalInterface
    public interface TuningProgress {
        void onTrial(Trial trial, int finished);
    }

    /**
     * As the trainer picks its best epoch: the class-balanced validation loss, smoother than balanced accuracy on a
     * few dozen clips (decision record 16); balanced accuracy breaks ties.
     */
    static final Comparator<Trial> BEST_FIRST = Comparator.comparingDouble(Trial::validLoss)
            .thenComparing(Comparator.comparingDouble(Trial::validBalancedAccuracy).reversed());

    private final Function<FeatureSpec, SplitData> data;
    private final long seed;

    /** @param seed seed of the sampling (each configuration's own seed trains it) */
    public HyperbandTuner(Function<FeatureSpec, SplitData> data, long seed) {
        this.data = Objects.requireNonNull(data, "data");
        this.seed = seed;
    }

    public Result tune(SearchSpace space, int classes, Budget budget, TuningProgress progress,
            Cancellation cancellation) {
        Random random = new Random(seed);
        int sMax = (int) Math.floor(Math.log(budget.maxEpochsPerTrial()) / Math.log(budget.eta()) + 1e-9);
        double total = (sMax + 1.0) * budget.maxEpochsPerTrial();
        long deadline = System.nanoTime() + budget.timeLimit().toNanos();
        List<Trial> trials = new ArrayList<>();
        for (int s = sMax; s >= 0; s--) {
            int n = (int) Math.ceil(total / budget.maxEpochsPerTrial() * Math.pow(budget.eta(), s) / (s + 1));
            List<TrainingConfig> configs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                configs.add(space.sample(random, classes));
            }
            for (int round = 0; round <= s && !configs.isEmpty(); round++) {
                int epochs = (int) Math.max(1, Math.round(budget.maxEpochsPerTrial() * Math.pow(budget.eta(), round - s)));
                List<Trial> results = new ArrayList<>();
                for (TrainingConfig config : configs) {
                    if (cancellation.isCancelled() || System.nanoTime() > deadline) {
                        return finish(trials, true);
                    }
                    // the budget stops a trial too: a long configuration must not run the search past its time
                    Cancellation trialCancellation = cancellation.until(deadline);
                    Trial trial;
                    try {
                        trial = run(trials.size() + 1, s, config, epochs, trialCancellation);
                    } catch (CancelledException e) {
                        trial = null;
                    }
                    if (trial == null || trialCancellation.isCancelled()) {
                        // cut short, not comparable with trials that had their epochs: not counted
                        return finish(trials, true);
                    }
                    trials.add(trial);
                    results.add(trial);
                    progress.onTrial(trial, trials.size());
                }
                results.sort(BEST_FIRST);
                int keep = (int) Math.floor(configs.size() / (double) budget.eta());
                configs = results.subList(0, Math.min(keep, results.size())).stream().map(Trial::config).toList();
            }
        }
        return finish(trials, false);
    }

    private Trial run(int id, int bracket, TrainingConfig config, int epochs, Cancellation cancellation) {
        long started = System.nanoTime();
        SplitData split = data.apply(config.featureSpec());
        TrainingSettings settings = config.settings().withMaxEpochs(epochs);
        // a trial starts as the real training would: a statistics network from its regression
        WeightSource start = NetworkStart.fresh(config.featureSpec(), config.network(), split.train(), settings.seed(),
                cancellation);
        try (TrainedModel model = new CnnTrainer(settings).train(split.train(), split.valid(), config.network(),
                start, TrainingProgress.NONE, cancellation)) {
            double balanced = model.bestValidBalancedAccuracy();
            double loss = model.bestValidLoss();
            return new Trial(id, bracket, config, epochs, loss, balanced, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static Result finish(List<Trial> trials, boolean stoppedEarly) {
        Trial best = trials.stream().min(BEST_FIRST).orElse(null);
        return new Result(List.copyOf(trials), best, stoppedEarly);
    }
}
