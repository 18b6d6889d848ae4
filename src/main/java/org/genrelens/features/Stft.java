package org.genrelens.features;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * A centred short-time Fourier transform with a periodic Hann window: frame {@code k} is centred on sample
 * {@code k * hopLength}, and the signal is taken as zero outside its ends (zero padding of fftSize / 2 on
 * both sides), so a track of N samples has {@code 1 + N / hopLength} frames whatever the FFT size.
 *
 * <p>Power is {@code |X_k|² · (2 / Σw)²}: a full-scale sine (amplitude 1) then has power ≈ 1.0 (0 dB) in its
 * peak bin for every FFT size, which keeps levels comparable between FFT sizes and channels. The same factor
 * applies to the DC and Nyquist bins, so their values are not physical power, only consistent.
 *
 * <p>Immutable and thread-safe: callers pass their own work buffers. FFT plans are cached per size and shared;
 * JTransforms only reads a plan's tables after construction.
 */
public final class Stft {

    private static final Map<Integer, DoubleFFT_1D> FFTS = new ConcurrentHashMap<>();

    private final int fftSize;
    private final int hopLength;
    private final double[] window;
    private final double powerScale;
    private final DoubleFFT_1D fft;

    public Stft(int fftSize, int hopLength) {
        if (fftSize < 2 || Integer.bitCount(fftSize) != 1) {
            throw new IllegalArgumentException("FFT size must be a power of two >= 2, was " + fftSize);
        }
        if (hopLength < 1) {
            throw new IllegalArgumentException("hopLength must be positive, was " + hopLength);
        }
        this.fftSize = fftSize;
        this.hopLength = hopLength;
        this.window = hann(fftSize);
        double sum = 0;
        for (double w : window) {
            sum += w;
        }
        this.powerScale = (2.0 / sum) * (2.0 / sum);
        this.fft = FFTS.computeIfAbsent(fftSize, DoubleFFT_1D::new);
    }

    /** The periodic Hann window {@code 0.5 - 0.5 cos(2πj / n)}, j = 0..n-1 (as scipy's {@code hann(n, sym=False)}). */
    public static double[] hann(int n) {
        double[] w = new double[n];
        for (int j = 0; j < n; j++) {
            w[j] = 0.5 - 0.5 * Math.cos(2.0 * Math.PI * j / n);
        }
        return w;
    }

    public int fftSize() {
        return fftSize;
    }

    public int hopLength() {
        return hopLength;
    }

    /** Number of bins, DC to Nyquist. */
    public int bins() {
        return fftSize / 2 + 1;
    }

    public double[] window() {
        return window.clone();
    }

    /** The factor {@code (2 / Σw)²} from |X|² to the power this class reports. */
    public double powerScale() {
        return powerScale;
    }

    /** Frames of a track of the given length: {@code 1 + samples / hopLength}. */
    public int frameCount(int samples) {
        return 1 + samples / hopLength;
    }

    /** Scaled power of all bins of one frame, in a new array. */
    public double[] power(float[] pcm, int frame) {
        double[] out = new double[bins()];
        power(pcm, frame, new double[fftSize], out, bins());
        return out;
    }

    /**
     * Scaled power of bins {@code 0..bins-1} of one frame.
     *
     * @param buffer a work array of at least fftSize doubles, overwritten
     * @param out    receives the power, at least {@code bins} long
     */
    public void power(float[] pcm, int frame, double[] buffer, double[] out, int bins) {
        power(pcm, pcm.length, frame, buffer, out, bins);
    }

    /**
     * As {@link #power(float[], int, double[], double[], int)} over the first {@code length} samples of {@code pcm}
     * only (zeros after them): a streaming caller's buffer holds a part of the track, with room to spare.
     */
    public void power(float[] pcm, int length, int frame, double[] buffer, double[] out, int bins) {
        int start = frame * hopLength - fftSize / 2;
        int from = Math.max(0, -start);
        int to = Math.min(fftSize, length - start);
        if (from > 0 || to < fftSize) {
            Arrays.fill(buffer, 0, fftSize, 0.0);
        }
        for (int j = from; j < to; j++) {
            buffer[j] = pcm[start + j] * window[j];
        }
        fft.realForward(buffer);
        // realForward packs Re[0], Re[n/2], then Re[k], Im[k] pairs
        int half = fftSize / 2;
        out[0] = buffer[0] * buffer[0] * powerScale;
        int top = Math.min(bins, half);
        for (int k = 1; k < top; k++) {
            double re = buffer[2 * k];
            double im = buffer[2 * k + 1];
            out[k] = (re * re + im * im) * powerScale;
        }
        if (bins > half) {
            out[half] = buffer[1] * buffer[1] * powerScale;
        }
    }
}
