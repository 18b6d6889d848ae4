package org.genrelens.features;

import java.util.Arrays;
import java.util.Objects;

/**
 * A bank of frequency bands over the bins of one FFT, stored sparsely: band {@code b} weighs bins
 * {@code firstBin(b) .. firstBin(b) + weights(b).length - 1} and ignores all others, so applying it costs
 * only the non-zero weights. Row 0 is the lowest band. Immutable and thread-safe.
 */
public final class Filterbank {

    private final int fftSize;
    private final int[] firstBins;
    private final double[][] weights;
    private final int binsUsed;
    /** All bands' weights end to end, band b from {@code starts[b]}: one array for the per-frame loop. */
    private final double[] packed;
    private final int[] starts;

    /**
     * @param fftSize   the FFT the bins belong to ({@code fftSize / 2 + 1} bins)
     * @param firstBins first bin with a weight, per band
     * @param weights   the weights of consecutive bins from {@code firstBins[b]}, per band (may be empty)
     */
    public Filterbank(int fftSize, int[] firstBins, double[][] weights) {
        Objects.requireNonNull(firstBins, "firstBins");
        Objects.requireNonNull(weights, "weights");
        if (firstBins.length == 0 || firstBins.length != weights.length) {
            throw new IllegalArgumentException("need one first bin per band and at least one band, got "
                    + firstBins.length + " first bins for " + weights.length + " bands");
        }
        int bins = fftSize / 2 + 1;
        int used = 0;
        this.firstBins = firstBins.clone();
        this.weights = new double[weights.length][];
        for (int b = 0; b < weights.length; b++) {
            this.weights[b] = weights[b].clone();
            int end = firstBins[b] + weights[b].length;
            if (firstBins[b] < 0 || end > bins) {
                throw new IllegalArgumentException("band " + b + " reaches bins " + firstBins[b] + ".." + (end - 1)
                        + " outside 0.." + (bins - 1));
            }
            used = Math.max(used, end);
        }
        this.fftSize = fftSize;
        this.binsUsed = used;
        this.starts = new int[weights.length + 1];
        for (int b = 0; b < weights.length; b++) {
            starts[b + 1] = starts[b] + weights[b].length;
        }
        this.packed = new double[starts[weights.length]];
        for (int b = 0; b < weights.length; b++) {
            System.arraycopy(weights[b], 0, packed, starts[b], weights[b].length);
        }
    }

    /** One band per FFT bin {@code first..last}, weight 1: the linear-frequency spectrogram. */
    public static Filterbank linearBins(int fftSize, int first, int last) {
        if (first < 0 || last < first || last > fftSize / 2) {
            throw new IllegalArgumentException("bins " + first + ".." + last + " are not inside 0.." + fftSize / 2);
        }
        int bands = last - first + 1;
        int[] firsts = new int[bands];
        double[][] weights = new double[bands][];
        for (int b = 0; b < bands; b++) {
            firsts[b] = first + b;
            weights[b] = new double[] {1.0};
        }
        return new Filterbank(fftSize, firsts, weights);
    }

    public int fftSize() {
        return fftSize;
    }

    /** Number of bands: the height of the spectrogram it produces. */
    public int bands() {
        return firstBins.length;
    }

    /** One past the highest bin any band reads: power above it need not be computed. */
    public int binsUsed() {
        return binsUsed;
    }

    public int firstBin(int band) {
        return firstBins[band];
    }

    /** A copy of one band's non-zero weights, starting at {@link #firstBin(int)}. */
    public double[] weights(int band) {
        return weights[band].clone();
    }

    /** The full {@code [bands][fftSize / 2 + 1]} matrix, for inspection and export. */
    public double[][] dense() {
        double[][] out = new double[bands()][fftSize / 2 + 1];
        for (int b = 0; b < bands(); b++) {
            System.arraycopy(weights[b], 0, out[b], firstBins[b], weights[b].length);
        }
        return out;
    }

    /** Band value {@code b} of one power spectrum. */
    public double apply(double[] power, int band) {
        double[] w = weights[band];
        int offset = firstBins[band];
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            sum += w[i] * power[offset + i];
        }
        return sum;
    }

    /** Every band value of one power spectrum into {@code out[0..bands-1]}: {@link #apply} for all bands at once. */
    public void applyAll(double[] power, double[] out) {
        for (int b = 0; b < out.length && b < firstBins.length; b++) {
            int from = starts[b];
            int to = starts[b + 1];
            int bin = firstBins[b] - from;
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += packed[i] * power[bin + i];
            }
            out[b] = sum;
        }
    }

    @Override
    public String toString() {
        return "Filterbank[fftSize=" + fftSize + ", bands=" + bands() + ", binsUsed=" + binsUsed
                + ", firstBins=" + Arrays.toString(Arrays.copyOf(firstBins, Math.min(4, bands()))) + "...]";
    }
}
