package org.genrelens.training.cnn;

import ai.djl.nn.Block;
import java.util.Objects;
import org.genrelens.training.baseline.CepstralStatistics;
import org.genrelens.training.baseline.SoftmaxRegression;
import org.genrelens.training.cnn.CnnLayout.NamedParameter;

/**
 * Starts a network with a statistics branch where a fitted logistic regression on the same cepstral statistics
 * already is (decision record 16): the branch's cepstrum layer holds the DCT, its standardiser the regression's
 * feature standardisation, its output layer the regression's weights, and the trunk's classifier zeros, so the
 * untrained network gives the regression's probabilities; training then only has to improve on them.
 */
public final class RegressionStart implements WeightSource {

    private final SoftmaxRegression.Standardised fit;

    /**
     * @param fit a fit of {@link CepstralStatistics} features with as many coefficients as the branch has
     * @throws IllegalArgumentException if the fit carries no standardisation (made by hand)
     */
    public RegressionStart(SoftmaxRegression.Fit fit) {
        this.fit = Objects.requireNonNull(fit, "fit").standardised().orElseThrow(() -> new IllegalArgumentException(
                "the regression fit has no standardisation to start a network from; fit it with SoftmaxRegression"));
    }

    @Override
    public void apply(Block block, ModelSpec spec) {
        if (!spec.statistics().acceptsRegression()) {
            throw new IllegalArgumentException("a regression can start only a network whose statistics reach the "
                    + "classifier directly (statistics coefficients > 0, width 0); the spec has " + spec.statistics());
        }
        int statistics = spec.statistics().statisticsCount(spec.inputChannels());
        if (fit.featureMean().length != statistics || fit.weights().length != spec.classes()) {
            throw new IllegalArgumentException("the regression has " + fit.weights().length + " classes and "
                    + fit.featureMean().length + " features; the network has " + spec.classes() + " classes and "
                    + statistics + " statistics");
        }
        int trunk = spec.trunkWidth();
        for (NamedParameter named : CnnLayout.parameters(spec, block)) {
            switch (named.name()) {
                case CnnLayout.STATISTICS_DCT + ".weight" -> named.parameter().getArray().set(dctRows(named));
                case CnnLayout.STATISTICS_STANDARDISER + ".mean" -> named.parameter().getArray().set(fit.featureMean());
                case CnnLayout.STATISTICS_STANDARDISER + ".scale" ->
                        named.parameter().getArray().set(fit.featureScale());
                case CnnLayout.STATISTICS_HEAD + ".weight" -> named.parameter().getArray().set(flat(fit.weights()));
                case CnnLayout.STATISTICS_HEAD + ".bias" -> named.parameter().getArray().set(fit.bias());
                // the trunk adds nothing until it has learnt something
                case CnnLayout.CLASSIFIER + ".weight" -> named.parameter().getArray().set(new float[spec.classes()
                        * trunk]);
                case CnnLayout.CLASSIFIER + ".bias" -> named.parameter().getArray().set(new float[spec.classes()]);
                default -> {
                }
            }
        }
    }

    /** The DCT as the Linear's [coefficients, bands] weight (CepstralStatistics keeps it as [bands, coefficients]). */
    private static float[] dctRows(NamedParameter named) {
        int coefficients = Math.toIntExact(named.expectedShape()[0]);
        int bands = Math.toIntExact(named.expectedShape()[1]);
        float[] bandsFirst = CepstralStatistics.dctMatrix(bands, coefficients);
        float[] rows = new float[coefficients * bands];
        for (int h = 0; h < bands; h++) {
            for (int k = 0; k < coefficients; k++) {
                rows[k * bands + h] = bandsFirst[h * coefficients + k];
            }
        }
        return rows;
    }

    private static float[] flat(float[][] rows) {
        float[] flat = new float[rows.length * rows[0].length];
        for (int k = 0; k < rows.length; k++) {
            System.arraycopy(rows[k], 0, flat, k * rows[0].length, rows[0].length);
        }
        return flat;
    }
}
