package org.genrelens.audio;

import org.jtransforms.fft.DoubleFFT_1D;

/** Measurements the decoder tests compare: RMS in dB and the strongest frequency. */
final class SignalMeasure {

    private SignalMeasure() {
    }

    /** RMS in dBFS over the middle of the signal (the edges hold codec and resampler ramps). */
    static double rmsDb(float[] x) {
        int from = x.length / 10;
        int to = x.length - x.length / 10;
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) x[i] * x[i];
        }
        return 10 * Math.log10(sum / Math.max(1, to - from) + 1e-20);
    }

    /** Frequency of the largest FFT peak of a Hann-windowed 16384-sample block from the middle, Hz. */
    static double dominantFrequency(float[] x, int sampleRate) {
        return peaks(x, sampleRate)[0];
    }

    /** Power (linear) in a +-20 Hz band around {@code hz}, relative to the whole spectrum. */
    static double bandShare(float[] x, int sampleRate, double hz) {
        double[] spectrum = powerSpectrum(x);
        int n = (spectrum.length) * 2;
        double total = 0;
        double band = 0;
        for (int k = 1; k < spectrum.length; k++) {
            total += spectrum[k];
            if (Math.abs(k * (double) sampleRate / n - hz) <= 20) {
                band += spectrum[k];
            }
        }
        return band / total;
    }

    private static double[] peaks(float[] x, int sampleRate) {
        double[] spectrum = powerSpectrum(x);
        int n = spectrum.length * 2;
        int best = 1;
        for (int k = 1; k < spectrum.length; k++) {
            if (spectrum[k] > spectrum[best]) {
                best = k;
            }
        }
        return new double[] {best * (double) sampleRate / n};
    }

    private static double[] powerSpectrum(float[] x) {
        int n = 16_384;
        while (n > x.length && n > 256) {
            n /= 2;
        }
        int start = Math.max(0, (x.length - n) / 2);
        double[] block = new double[n];
        for (int i = 0; i < n && start + i < x.length; i++) {
            double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (n - 1));
            block[i] = x[start + i] * w;
        }
        new DoubleFFT_1D(n).realForward(block);
        double[] power = new double[n / 2];
        for (int k = 1; k < n / 2; k++) {
            power[k] = block[2 * k] * block[2 * k] + block[2 * k + 1] * block[2 * k + 1];
        }
        return power;
    }
}
