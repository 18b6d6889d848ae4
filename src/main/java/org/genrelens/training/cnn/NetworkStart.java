package org.genrelens.training.cnn;

import org.genrelens.features.FeatureSpec;
import org.genrelens.task.Cancellation;
import org.genrelens.training.baseline.BaselineTrainer;
import org.genrelens.training.data.CachedDataset;

/** Where a fresh network starts (decision record 16), the same for a training run and a tuning trial. */
public final class NetworkStart {

    private NetworkStart() {
    }

    /**
     * A network whose statistics reach its classifier starts from a logistic regression fitted on the same
     * training clips; any other starts from its seeded random initialisation.
     */
    public static WeightSource fresh(FeatureSpec tiles, ModelSpec network, CachedDataset training, long seed,
            Cancellation cancellation) {
        if (!network.statistics().acceptsRegression()) {
            return WeightSource.RANDOM;
        }
        BaselineTrainer.Settings defaults = BaselineTrainer.Settings.defaults();
        BaselineTrainer regression = new BaselineTrainer(null, new BaselineTrainer.Settings(tiles, 2, seed,
                defaults.l2(), defaults.iterations(), defaults.learningRate(), network.statistics().coefficients()));
        return new RegressionStart(regression.fit(training, cancellation));
    }
}
