package org.genrelens.features;

import java.util.Arrays;

/**
 * Builds {@code bands} triangular bands evenly spaced in log frequency, for STFT tiles with a
 * {@link FrequencyScale#LOG} axis.
 *
 * <p>Like the mel bank, band {@code b} rises from edge {@code b}, peaks at edge {@code b + 1} and falls to
 * zero at edge {@code b + 2}, and it is scaled to unit area in Hz (a triangular density), so white noise gives
 * the same level in every band. Unlike the mel bank, each bin's weight is the triangle's mean over the bin's
 * own width ({@code k·Δ ± Δ/2}, Δ = sampleRate / fftSize) instead of its value at the bin centre: log bands
 * at low frequencies are narrower than a bin, and sampling them at bin centres would leave many empty.
 *
 * <p>The lowest edge is fMin; when fMin is 0 (log spacing cannot start there) it is
 * {@code max(20 Hz, Δ)}: the bottom of human hearing, or the lowest frequency the FFT separates from DC
 * when that is higher.
 */
public final class LogFilterbank {

    /** Lowest edge used when fMin is 0: the bottom of the audible range. */
    public static final double AUDIBLE_FLOOR_HZ = 20.0;

    private LogFilterbank() {
    }

    /** The lowest band edge actually used for fMin. */
    public static double lowerEdgeHz(int sampleRate, int fftSize, double fMin) {
        return fMin > 0 ? fMin : Math.max(AUDIBLE_FLOOR_HZ, (double) sampleRate / fftSize);
    }

    /** The {@code bands + 2} edges in Hz, geometrically spaced from {@code lowerEdge} to {@code fMax}. */
    public static double[] bandEdgesHz(int bands, double lowerEdge, double fMax) {
        if (bands < 1) {
            throw new IllegalArgumentException("bands must be positive, was " + bands);
        }
        if (!(lowerEdge > 0 && lowerEdge < fMax)) {
            throw new IllegalArgumentException("log bands need 0 < lower edge < fMax, got " + lowerEdge + ", " + fMax
                    + " Hz; raise fMax");
        }
        double logLow = Math.log(lowerEdge);
        double logHigh = Math.log(fMax);
        double[] edges = new double[bands + 2];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = Math.exp(logLow + (logHigh - logLow) * i / (bands + 1));
        }
        return edges;
    }

    public static Filterbank create(int sampleRate, int fftSize, int bands, double fMin, double fMax) {
        if (!(fMin >= 0 && fMin < fMax && fMax <= sampleRate / 2.0)) {
            throw new IllegalArgumentException("need 0 <= fMin < fMax <= " + sampleRate / 2.0 + " Hz, got "
                    + fMin + ", " + fMax);
        }
        double[] edges = bandEdgesHz(bands, lowerEdgeHz(sampleRate, fftSize, fMin), fMax);
        int bins = fftSize / 2 + 1;
        double binHz = (double) sampleRate / fftSize;
        int[] firsts = new int[bands];
        double[][] weights = new double[bands][];
        for (int b = 0; b < bands; b++) {
            double lower = edges[b];
            double centre = edges[b + 1];
            double upper = edges[b + 2];
            int first = Math.max(0, (int) Math.floor(lower / binHz + 0.5));
            int last = Math.min(bins - 1, (int) Math.ceil(upper / binHz - 0.5));
            double[] row = new double[Math.max(0, last - first + 1)];
            for (int k = first; k <= last; k++) {
                double from = (k - 0.5) * binHz;
                double to = (k + 0.5) * binHz;
                row[k - first] = (triangleCdf(to, lower, centre, upper) - triangleCdf(from, lower, centre, upper)) / binHz;
            }
            int start = 0;
            int end = row.length;
            while (start < end && row[start] <= 0) {
                start++;
            }
            while (end > start && row[end - 1] <= 0) {
                end--;
            }
            firsts[b] = first + start;
            weights[b] = Arrays.copyOfRange(row, start, end);
        }
        return new Filterbank(fftSize, firsts, weights);
    }

    /** Share of a unit-area triangle (lower, centre, upper) that lies below x. */
    static double triangleCdf(double x, double lower, double centre, double upper) {
        if (x <= lower) {
            return 0.0;
        }
        if (x >= upper) {
            return 1.0;
        }
        if (x <= centre) {
            return (x - lower) * (x - lower) / ((upper - lower) * (centre - lower));
        }
        return 1.0 - (upper - x) * (upper - x) / ((upper - lower) * (upper - centre));
    }
}
