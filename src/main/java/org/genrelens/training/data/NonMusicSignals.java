package org.genrelens.training.data;

import java.util.Random;

/** Synthesised non-music signals for {@link NonMusicCorpus}; every one randomised by the caller's generator. */
final class NonMusicSignals {

    private NonMusicSignals() {
    }

    /**
     * Noise with a random spectral slope from white (0 dB/octave) to a little steeper than brown (-7.5 dB/octave),
     * pink in between, shaped in the frequency domain, at any level up to full scale, half of it with a slow random
     * level drift (wind, traffic, fans, rain, hiss) and half steady. A slope drawn from the whole range, rather than
     * three fixed colours, is what keeps other generators' noise out of the genres; the steeper slopes, the loud
     * levels and the steady half were added when ffmpeg's brown noise, and loud pink and brown noise, came out metal
     * (decision record 16).
     */
    static float[] colouredNoise(double seconds, int rate, Random random) {
        int n = samples(seconds, rate);
        double exponent = 1.25 * random.nextDouble(); // power ~ 1/f^(2*exponent): 0 white, 0.5 pink, 1 brown
        double[] spectrum = new double[2 * n];
        for (int i = 0; i < n; i++) {
            spectrum[i] = random.nextGaussian();
        }
        org.jtransforms.fft.DoubleFFT_1D fft = new org.jtransforms.fft.DoubleFFT_1D(n);
        fft.realForwardFull(spectrum);
        for (int k = 1; k < n; k++) {
            double frequency = Math.min(k, n - k) * (double) rate / n;
            double gain = Math.pow(Math.max(frequency, 20.0), -exponent);
            spectrum[2 * k] *= gain;
            spectrum[2 * k + 1] *= gain;
        }
        spectrum[0] = 0;
        spectrum[1] = 0;
        fft.complexInverse(spectrum, true);
        double peak = 1e-12;
        for (int i = 0; i < n; i++) {
            peak = Math.max(peak, Math.abs(spectrum[2 * i]));
        }
        double amplitude = 0.05 + 0.9 * random.nextDouble();
        double driftSeconds = 3 + 6 * random.nextDouble();
        double driftDepth = random.nextBoolean() ? 0.3 : 0;
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            double drift = 1 - driftDepth + driftDepth * Math.sin(2 * Math.PI * i / (rate * driftSeconds));
            out[i] = (float) (amplitude * drift * spectrum[2 * i] / peak);
        }
        return out;
    }

    /** A steady tone (sine, square or sawtooth) or a slow sweep, as from test equipment or an alarm. */
    static float[] tones(double seconds, int rate, Random random) {
        int n = samples(seconds, rate);
        float[] out = new float[n];
        double start = 100 + random.nextDouble() * 3000;
        double end = random.nextBoolean() ? start : 100 + random.nextDouble() * 5000;
        int shape = random.nextInt(3);
        double amplitude = 0.1 + 0.5 * random.nextDouble();
        double phase = 0;
        for (int i = 0; i < n; i++) {
            double frequency = start + (end - start) * i / n;
            phase += 2 * Math.PI * frequency / rate;
            double cycle = phase / (2 * Math.PI) % 1.0;
            double value = switch (shape) {
                case 0 -> Math.sin(phase);
                case 1 -> cycle < 0.5 ? 0.6 : -0.6;
                default -> (2 * cycle - 1) * 0.6;
            };
            out[i] = (float) (amplitude * value);
        }
        return out;
    }

    /** Mains hum at 50 or 60 Hz with harmonics, under faint noise. */
    static float[] hum(double seconds, int rate, Random random) {
        int n = samples(seconds, rate);
        float[] out = new float[n];
        double base = random.nextBoolean() ? 50 : 60;
        double amplitude = 0.05 + 0.2 * random.nextDouble();
        for (int i = 0; i < n; i++) {
            double t = (double) i / rate;
            double value = 0;
            for (int h = 1; h <= 5; h++) {
                value += Math.sin(2 * Math.PI * base * h * t) / h;
            }
            out[i] = (float) (amplitude * value * 0.5 + 0.002 * random.nextGaussian());
        }
        return out;
    }

    /** Digital silence or a very quiet room. */
    static float[] nearSilence(double seconds, int rate, Random random) {
        int n = samples(seconds, rate);
        float[] out = new float[n];
        double level = random.nextInt(4) == 0 ? 0 : 1e-4 + 1e-3 * random.nextDouble();
        for (int i = 0; i < n; i++) {
            out[i] = (float) (level * random.nextGaussian());
        }
        return out;
    }

    /** Birdsong-like calls: short fast frequency sweeps between 2 and 8 kHz at irregular intervals, over noise. */
    static float[] chirps(double seconds, int rate, Random random) {
        int n = samples(seconds, rate);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (0.003 * random.nextGaussian());
        }
        int position = random.nextInt(rate / 2);
        while (position < n) {
            int length = (int) (rate * (0.04 + 0.15 * random.nextDouble()));
            double from = 2_000 + random.nextDouble() * 5_000;
            double to = 2_000 + random.nextDouble() * 6_000;
            double amplitude = 0.1 + 0.4 * random.nextDouble();
            double phase = 0;
            for (int i = 0; i < length && position + i < n; i++) {
                double progress = (double) i / length;
                double frequency = from + (to - from) * progress + 300 * Math.sin(2 * Math.PI * 30 * i / rate);
                phase += 2 * Math.PI * frequency / rate;
                double envelope = Math.sin(Math.PI * progress);
                out[position + i] += (float) (amplitude * envelope * Math.sin(phase));
            }
            position += length + (int) (rate * (0.05 + 0.6 * random.nextDouble()));
        }
        return out;
    }

    private static int samples(double seconds, int rate) {
        return (int) Math.round(seconds * rate);
    }
}
