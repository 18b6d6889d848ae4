package org.genrelens.training.baseline;

import java.util.Arrays;
import org.genrelens.task.Cancellation;

/**
 * Multinomial logistic regression with L2 and per-class weights, fitted by full-batch Adam on standardised
 * features. The standardisation is folded into the returned weights, so they apply to raw features:
 * {@code logits = weights · x + bias}.
 */
public final class SoftmaxRegression {

    /**
     * Fitted parameters for raw (unstandardised) features, and the same fit before the standardisation was folded
     * in (absent for a fit made by hand).
     */
    public record Fit(float[][] weights, float[] bias, java.util.Optional<Standardised> standardised) {
        public Fit(float[][] weights, float[] bias) {
            this(weights, bias, java.util.Optional.empty());
        }
    }

    /** {@code logits = weights · ((x − featureMean) / featureScale) + bias}. */
    public record Standardised(float[][] weights, float[] bias, float[] featureMean, float[] featureScale) {
    }

    private final double l2;
    private final int iterations;
    private final double learningRate;

    public SoftmaxRegression(double l2, int iterations, double learningRate) {
        if (l2 < 0 || iterations < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException("need l2 >= 0, iterations >= 1, learningRate > 0");
        }
        this.l2 = l2;
        this.iterations = iterations;
        this.learningRate = learningRate;
    }

    /**
     * @param x            one feature row per example
     * @param y            class index per example
     * @param classes      number of classes
     * @param classWeights loss weight per class (e.g. inverse frequency, so a rare genre counts as much)
     */
    public Fit fit(float[][] x, int[] y, int classes, double[] classWeights, Cancellation cancellation) {
        int n = x.length;
        int d = x[0].length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        standardisation(x, mean, scale);
        double[][] z = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = (x[i][j] - mean[j]) / scale[j];
            }
        }
        double weightSum = 0;
        for (int label : y) {
            weightSum += classWeights[label];
        }
        double[][] w = new double[classes][d];
        double[] b = new double[classes];
        Adam adam = new Adam(classes * (d + 1), learningRate);
        double[] gradient = new double[classes * (d + 1)];
        double[] logits = new double[classes];
        for (int step = 0; step < iterations; step++) {
            if (step % 50 == 0) {
                cancellation.throwIfCancelled();
            }
            Arrays.fill(gradient, 0);
            for (int i = 0; i < n; i++) {
                softmax(w, b, z[i], logits);
                double sampleWeight = classWeights[y[i]] / weightSum;
                for (int k = 0; k < classes; k++) {
                    double error = (logits[k] - (k == y[i] ? 1 : 0)) * sampleWeight;
                    int row = k * (d + 1);
                    for (int j = 0; j < d; j++) {
                        gradient[row + j] += error * z[i][j];
                    }
                    gradient[row + d] += error;
                }
            }
            for (int k = 0; k < classes; k++) {
                for (int j = 0; j < d; j++) {
                    gradient[k * (d + 1) + j] += l2 * w[k][j];
                }
            }
            adam.step(gradient, w, b);
        }
        return foldStandardisation(w, b, mean, scale);
    }

    private static void standardisation(float[][] x, double[] mean, double[] scale) {
        int n = x.length;
        for (float[] row : x) {
            for (int j = 0; j < row.length; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < mean.length; j++) {
            mean[j] /= n;
        }
        for (float[] row : x) {
            for (int j = 0; j < row.length; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
            }
        }
        for (int j = 0; j < scale.length; j++) {
            scale[j] = Math.max(Math.sqrt(scale[j] / n), 1e-6);
        }
    }

    private static void softmax(double[][] w, double[] b, double[] z, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < w.length; k++) {
            double s = b[k];
            for (int j = 0; j < z.length; j++) {
                s += w[k][j] * z[j];
            }
            out[k] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int k = 0; k < out.length; k++) {
            out[k] = Math.exp(out[k] - max);
            sum += out[k];
        }
        for (int k = 0; k < out.length; k++) {
            out[k] /= sum;
        }
    }

    private static Fit foldStandardisation(double[][] w, double[] b, double[] mean, double[] scale) {
        float[][] weights = new float[w.length][mean.length];
        float[] bias = new float[w.length];
        float[][] standardisedWeights = new float[w.length][mean.length];
        float[] standardisedBias = new float[w.length];
        float[] featureMean = new float[mean.length];
        float[] featureScale = new float[mean.length];
        for (int j = 0; j < mean.length; j++) {
            featureMean[j] = (float) mean[j];
            featureScale[j] = (float) scale[j];
        }
        for (int k = 0; k < w.length; k++) {
            double shift = b[k];
            standardisedBias[k] = (float) b[k];
            for (int j = 0; j < mean.length; j++) {
                standardisedWeights[k][j] = (float) w[k][j];
                weights[k][j] = (float) (w[k][j] / scale[j]);
                shift -= w[k][j] * mean[j] / scale[j];
            }
            bias[k] = (float) shift;
        }
        return new Fit(weights, bias, java.util.Optional.of(
                new Standardised(standardisedWeights, standardisedBias, featureMean, featureScale)));
    }

    /** Adam over the flattened [class][feature..., bias] parameters. */
    private static final class Adam {
        private static final double BETA1 = 0.9;
        private static final double BETA2 = 0.999;
        private final double[] m;
        private final double[] v;
        private final double rate;
        private int t;

        Adam(int size, double rate) {
            this.m = new double[size];
            this.v = new double[size];
            this.rate = rate;
        }

        void step(double[] gradient, double[][] w, double[] b) {
            t++;
            double correction1 = 1 - Math.pow(BETA1, t);
            double correction2 = 1 - Math.pow(BETA2, t);
            int d = w[0].length;
            for (int i = 0; i < gradient.length; i++) {
                m[i] = BETA1 * m[i] + (1 - BETA1) * gradient[i];
                v[i] = BETA2 * v[i] + (1 - BETA2) * gradient[i] * gradient[i];
                double update = rate * (m[i] / correction1) / (Math.sqrt(v[i] / correction2) + 1e-8);
                int k = i / (d + 1);
                int j = i % (d + 1);
                if (j == d) {
                    b[k] -= update;
                } else {
                    w[k][j] -= update;
                }
            }
        }
    }
}
