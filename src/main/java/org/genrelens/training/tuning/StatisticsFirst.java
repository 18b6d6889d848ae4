package org.genrelens.training.tuning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.genrelens.features.FeatureSpec;
import org.genrelens.task.Cancellation;
import org.genrelens.training.TrainingConfig;
import org.genrelens.training.cnn.CnnTrainer;
import org.genrelens.training.cnn.ModelSpec;
import org.genrelens.training.cnn.NetworkStart;
import org.genrelens.training.cnn.PoolingType;
import org.genrelens.training.cnn.StatisticsPath;

/**
 * The first stage of a tuning (decision record 16): every spectrogram of the space with every statistics size,
 * each scored as its network starts, that is as the logistic regression fitted on the training clips, on the same
 * validation clips and by the same class-balanced loss as Hyperband's trials. A network starts from its regression
 * and seldom moves far from it on a small dataset, so the spectrogram is chosen here, where a candidate costs
 * seconds, instead of by random draws among networks that each cost minutes.
 */
final class StatisticsFirst {

    /** The candidates scored (as trials of 0 epochs, bracket -1) and the best one, or null when none finished. */
    record Result(List<HyperbandTuner.Trial> trials, HyperbandTuner.Trial best) {
    }

    private final Function<FeatureSpec, HyperbandTuner.SplitData> data;
    private final long seed;

    StatisticsFirst(Function<FeatureSpec, HyperbandTuner.SplitData> data, long seed) {
        this.data = data;
        this.seed = seed;
    }

    /**
     * Scores candidates in a seeded random order until all are scored or {@code deadline} (System.nanoTime) passes.
     */
    Result run(SearchSpace space, int classes, long deadline, HyperbandTuner.TuningProgress progress,
            Cancellation cancellation) {
        List<FeatureSpec> spectrograms = new ArrayList<>(space.spectrograms());
        Collections.shuffle(spectrograms, new Random(seed));
        List<HyperbandTuner.Trial> trials = new ArrayList<>();
        for (FeatureSpec spectrogram : spectrograms) {
            for (int coefficients : space.statisticsCoefficients()) {
                if (cancellation.isCancelled() || System.nanoTime() > deadline) {
                    return finish(trials);
                }
                if (coefficients == 0 || coefficients > spectrogram.height()) {
                    continue; // no regression to start from, or more coefficients than bands
                }
                trials.add(score(trials.size() + 1, space.base(), spectrogram, coefficients, classes, cancellation));
                progress.onTrial(trials.get(trials.size() - 1), trials.size());
            }
        }
        return finish(trials);
    }

    private HyperbandTuner.Trial score(int id, TrainingConfig base, FeatureSpec spectrogram, int coefficients,
            int classes, Cancellation cancellation) {
        long started = System.nanoTime();
        HyperbandTuner.SplitData split = data.apply(spectrogram);
        // the trunk does not speak at the start (its classifier is zero), so the smallest one serves
        ModelSpec network = new ModelSpec(spectrogram.channels(), classes, List.of(8), 3, false, PoolingType.MAX, 0,
                0.0, new StatisticsPath(coefficients, 0));
        CnnTrainer.StartScore score = new CnnTrainer(base.settings()).scoreStart(split.valid(), network,
                NetworkStart.fresh(spectrogram, network, split.train(), base.settings().seed(), cancellation));
        TrainingConfig config = base.withFeatureSpec(spectrogram).withNetwork(network);
        return new HyperbandTuner.Trial(id, -1, config, 0, score.validLoss(), score.validBalancedAccuracy(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private static Result finish(List<HyperbandTuner.Trial> trials) {
        return new Result(List.copyOf(trials), trials.stream().min(HyperbandTuner.BEST_FIRST).orElse(null));
    }
}
