package org.genrelens.training.sampling;

import java.util.Random;

/**
 * Mixup (Zhang et al. 2018) within one batch: example {@code i} becomes {@code λ·x_i + (1-λ)·x_j} for a partner
 * {@code j} from a random permutation of the batch, and its target the same blend of the two one-hot targets, with
 * {@code λ ~ Beta(alpha, alpha)} drawn per example.
 */
final class Mixup {

    private Mixup() {
    }

    static void mix(float[] tiles, float[] targets, int count, int classes, double alpha, Random random) {
        if (alpha <= 0 || count < 2) {
            return;
        }
        int tileSize = tiles.length / count;
        float[] originalTiles = tiles.clone();
        float[] originalTargets = targets.clone();
        int[] partner = permutation(count, random);
        for (int i = 0; i < count; i++) {
            float lambda = (float) beta(alpha, random);
            int j = partner[i];
            for (int k = 0; k < tileSize; k++) {
                tiles[i * tileSize + k] = lambda * originalTiles[i * tileSize + k]
                        + (1 - lambda) * originalTiles[j * tileSize + k];
            }
            for (int k = 0; k < classes; k++) {
                targets[i * classes + k] = lambda * originalTargets[i * classes + k]
                        + (1 - lambda) * originalTargets[j * classes + k];
            }
        }
    }

    static int[] permutation(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** Beta(a, a) as X / (X + Y) of two Gamma(a) draws, in logs: for small a both draws underflow otherwise. */
    static double beta(double a, Random random) {
        double logX = logGamma(a, random);
        double logY = logGamma(a, random);
        return 1.0 / (1.0 + Math.exp(logY - logX));
    }

    /** log of a Gamma(a, 1) draw: Marsaglia and Tsang (2000), boosted by U^(1/a) for a < 1. */
    private static double logGamma(double a, Random random) {
        if (a < 1) {
            return logGamma(a + 1, random) + Math.log(1.0 - random.nextDouble()) / a;
        }
        double d = a - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1.0 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = 1.0 - random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return Math.log(d * v);
            }
        }
    }
}
