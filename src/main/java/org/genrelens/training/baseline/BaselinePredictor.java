package org.genrelens.training.baseline;

/** Java-side prediction of the baseline, the same arithmetic as its ONNX graph; used for cross-validation. */
public final class BaselinePredictor {

    private BaselinePredictor() {
    }

    /** Softmax probabilities of one tile's statistics row. */
    public static double[] windowProbabilities(SoftmaxRegression.Fit fit, float[] row) {
        int classes = fit.bias().length;
        double[] out = new double[classes];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
            double s = fit.bias()[k];
            float[] w = fit.weights()[k];
            for (int j = 0; j < row.length; j++) {
                s += w[j] * row[j];
            }
            out[k] = s;
            max = Math.max(max, s);
        }
        double total = 0;
        for (int k = 0; k < classes; k++) {
            out[k] = Math.exp(out[k] - max);
            total += out[k];
        }
        for (int k = 0; k < classes; k++) {
            out[k] /= total;
        }
        return out;
    }

    /** Window probabilities averaged over the clip's tiles, then the most probable class. */
    static int predictClip(SoftmaxRegression.Fit fit, float[][] tileRows) {
        double[] sum = new double[fit.bias().length];
        for (float[] row : tileRows) {
            double[] p = windowProbabilities(fit, row);
            for (int k = 0; k < sum.length; k++) {
                sum[k] += p[k];
            }
        }
        int best = 0;
        for (int k = 1; k < sum.length; k++) {
            if (sum[k] > sum[best]) {
                best = k;
            }
        }
        return best;
    }
}
