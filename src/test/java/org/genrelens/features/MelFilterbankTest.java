package org.genrelens.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MelFilterbankTest {

    private static final int SR = 22_050;

    @Test
    void edgesAreEvenlySpacedOnTheMelScale() {
        double[] edges = MelFilterbank.bandEdgesHz(40, 30, 8000);
        assertEquals(42, edges.length);
        assertEquals(30.0, edges[0], 1e-9);
        assertEquals(8000.0, edges[41], 1e-6);
        double step = (ExpectedBands.slaneyMel(8000) - ExpectedBands.slaneyMel(30)) / 41;
        for (int i = 1; i < edges.length; i++) {
            assertEquals(step, ExpectedBands.slaneyMel(edges[i]) - ExpectedBands.slaneyMel(edges[i - 1]), 1e-9);
        }
    }

    @Test
    void weightsAreTheAreaNormalisedTriangleAtEachBinCentre() {
        int n = 2048;
        int bands = 40;
        Filterbank bank = MelFilterbank.create(SR, n, bands, 0, 10_000);
        double[] e = MelFilterbank.bandEdgesHz(bands, 0, 10_000);
        double[][] dense = bank.dense();
        for (int b = 0; b < bands; b++) {
            for (int k = 0; k <= n / 2; k++) {
                double f = (double) k * SR / n;
                double triangle = f <= e[b] || f >= e[b + 2] ? 0
                        : f <= e[b + 1] ? (f - e[b]) / (e[b + 1] - e[b]) : (e[b + 2] - f) / (e[b + 2] - e[b + 1]);
                assertEquals(triangle * 2 / (e[b + 2] - e[b]), dense[b][k], 1e-12, "band " + b + " bin " + k);
            }
        }
    }

    @Test
    void eachFilterHasUnitAreaInHertz() {
        // a fine FFT samples every triangle densely enough for the sum to approximate the integral
        int n = 32_768;
        double binHz = (double) SR / n;
        Filterbank bank = MelFilterbank.create(SR, n, 64, 0, 10_000);
        for (int b = 0; b < bank.bands(); b++) {
            double area = 0;
            for (double w : bank.weights(b)) {
                area += w * binHz;
            }
            assertEquals(1.0, area, 0.01, "area of band " + b);
        }
    }

    @Test
    void neighbouringTrianglesMeetAndSumToOneBetweenTheirCentres() {
        int n = 4096;
        int bands = 32;
        Filterbank bank = MelFilterbank.create(SR, n, bands, 50, 9000);
        double[] e = MelFilterbank.bandEdgesHz(bands, 50, 9000);
        double[][] dense = bank.dense();
        for (int k = 0; k <= n / 2; k++) {
            double f = (double) k * SR / n;
            if (f <= e[1] || f >= e[bands]) {
                continue;
            }
            double sum = 0;
            for (int b = 0; b < bands; b++) {
                sum += dense[b][k] * (e[b + 2] - e[b]) / 2; // undo the area normalisation: peak 1
            }
            assertEquals(1.0, sum, 1e-9, "un-normalised triangles at " + f + " Hz");
        }
    }

    @Test
    void everyFilterRisesToOnePeakThenFalls() {
        Filterbank bank = MelFilterbank.create(SR, 1024, 128, 0, 10_000);
        for (int b = 0; b < bank.bands(); b++) {
            double[] w = bank.weights(b);
            assertTrue(w.length >= 1, "band " + b + " has no bin");
            int peak = 0;
            for (int i = 1; i < w.length; i++) {
                if (w[i] > w[peak]) {
                    peak = i;
                }
            }
            for (int i = 1; i <= peak; i++) {
                assertTrue(w[i] >= w[i - 1], "band " + b + " rises up to its peak");
            }
            for (int i = peak + 1; i < w.length; i++) {
                assertTrue(w[i] <= w[i - 1], "band " + b + " falls after its peak");
            }
            for (double v : w) {
                assertTrue(v > 0, "sparse weights are all non-zero");
            }
        }
    }

    @Test
    void sparseApplicationEqualsTheDenseProduct() {
        Filterbank bank = MelFilterbank.create(SR, 1024, 128, 0, 10_000);
        double[] power = new double[513];
        java.util.Random random = new java.util.Random(7);
        for (int k = 0; k < power.length; k++) {
            power[k] = random.nextDouble();
        }
        double[][] dense = bank.dense();
        for (int b = 0; b < bank.bands(); b++) {
            double expected = 0;
            for (int k = 0; k < power.length; k++) {
                expected += dense[b][k] * power[k];
            }
            assertEquals(expected, bank.apply(power, b), 1e-12);
        }
        assertTrue(bank.binsUsed() <= (int) Math.ceil(10_000 * 1024.0 / SR) + 1, "bins above fMax are never read");
    }

    /** The per-frame path ({@link Filterbank#applyAll}) gives every band what {@link Filterbank#apply} gives. */
    @Test
    void allBandsAtOnceMatchBandByBand() {
        for (Filterbank bank : new Filterbank[] {MelFilterbank.create(SR, 1024, 64, 0, 10_000),
            MelFilterbank.create(SR, 2048, 128, 30, SR / 2.0), LogFilterbank.create(SR, 512, 40, 40, 8000)}) {
            java.util.Random random = new java.util.Random(7);
            double[] power = new double[bank.fftSize() / 2 + 1];
            for (int i = 0; i < power.length; i++) {
                power[i] = random.nextDouble();
            }
            double[] all = new double[bank.bands()];

            bank.applyAll(power, all);

            for (int b = 0; b < bank.bands(); b++) {
                assertEquals(bank.apply(power, b), all[b], 1e-12, "band " + b + " of " + bank);
            }
        }
    }
}
