package org.genrelens.training;

import java.util.Random;

/** Synthesised non-music signals for {@link NonMusicCorpus}; every one randomised by the caller's generator. */
final class NonMusicSignals {

    private NonMusicSignals() {
    }

    /** White, pink or brown noise with a slow random level drift (wind, traffic, fans, rain). */
    static float[] colouredNoise(double seconds, int rate, Random random) {
        int n = samples(seconds, rate);
        float[] out = new float[n];
        int colour = random.nextInt(3);
        double amplitude = 0.05 + 0.3 * random.nextDouble();
        double brown = 0;
        double[] pink = new double[3];
        double driftSeconds = 3 + 6 * random.nextDouble();
        for (int i = 0; i < n; i++) {
            double white = random.nextGaussian();
            double value;
            if (colour == 0) {
                value = white * 0.3;
            } else if (colour == 1) {
                // three one-pole filters summed: close to 1/f over the audible band
                pink[0] = 0.997 * pink[0] + 0.029591 * white;
                pink[1] = 0.985 * pink[1] + 0.032534 * white;
                pink[2] = 0.950 * pink[2] + 0.048056 * white;
                value = pink[0] + pink[1] + pink[2];
            } else {
                brown = 0.995 * brown + 0.05 * white;
                value = brown;
            }
            double drift = 0.7 + 0.3 * Math.sin(2 * Math.PI * i / (rate * driftSeconds));
            out[i] = (float) (amplitude * drift * value);
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
