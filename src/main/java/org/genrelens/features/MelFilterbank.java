package org.genrelens.features;

import java.util.Arrays;

/**
 * Builds the Slaney-style mel filterbank of librosa ({@code librosa.filters.mel(htk=False, norm='slaney')}):
 * {@code bands} triangles whose edges are evenly spaced on the {@link MelScale}, each scaled by
 * {@code 2 / (upper - lower)} Hz so its area is one. Triangles are sampled at the FFT bin centres, like
 * librosa, so a band narrower than one bin may hold no bin at all.
 */
public final class MelFilterbank {

    private MelFilterbank() {
    }

    /**
     * The {@code bands + 2} edge frequencies in Hz: band {@code b} rises from edge {@code b}, peaks at edge
     * {@code b + 1} and falls to zero at edge {@code b + 2}.
     */
    public static double[] bandEdgesHz(int bands, double fMin, double fMax) {
        if (bands < 1) {
            throw new IllegalArgumentException("bands must be positive, was " + bands);
        }
        double low = MelScale.hzToMel(fMin);
        double high = MelScale.hzToMel(fMax);
        double[] edges = new double[bands + 2];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = MelScale.melToHz(low + (high - low) * i / (bands + 1));
        }
        return edges;
    }

    public static Filterbank create(int sampleRate, int fftSize, int bands, double fMin, double fMax) {
        if (!(fMin >= 0 && fMin < fMax && fMax <= sampleRate / 2.0)) {
            throw new IllegalArgumentException("need 0 <= fMin < fMax <= " + sampleRate / 2.0 + " Hz, got "
                    + fMin + ", " + fMax);
        }
        double[] edges = bandEdgesHz(bands, fMin, fMax);
        int bins = fftSize / 2 + 1;
        double binHz = (double) sampleRate / fftSize;
        int[] firsts = new int[bands];
        double[][] weights = new double[bands][];
        for (int b = 0; b < bands; b++) {
            double lower = edges[b];
            double centre = edges[b + 1];
            double upper = edges[b + 2];
            double norm = 2.0 / (upper - lower);
            double[] row = new double[bins];
            int first = bins;
            int last = -1;
            for (int k = 0; k < bins; k++) {
                double f = k * binHz;
                double rising = (f - lower) / (centre - lower);
                double falling = (upper - f) / (upper - centre);
                double w = Math.max(0.0, Math.min(rising, falling));
                if (w > 0) {
                    row[k] = w * norm;
                    first = Math.min(first, k);
                    last = k;
                }
            }
            firsts[b] = last < 0 ? 0 : first;
            weights[b] = last < 0 ? new double[0] : Arrays.copyOfRange(row, first, last + 1);
        }
        return new Filterbank(fftSize, firsts, weights);
    }
}
