package org.genrelens.inference;

import java.util.List;
import java.util.Random;
import org.genrelens.features.DbReference;
import org.genrelens.features.FeatureSpec;
import org.genrelens.features.FrequencyScale;
import org.genrelens.features.SpectrogramType;
import org.genrelens.features.Tiles;

/** Small specs and tiles for inference tests: real shapes, small enough to run in milliseconds. */
final class TestTiles {

    static final List<String> GENRES = List.of("blues", "classical", "metal");

    private TestTiles() {
    }

    /** One-channel 16-band mel at 8 kHz, 1 s windows: tiles of [1, 16, 31]. */
    static FeatureSpec smallMel() {
        return new FeatureSpec(SpectrogramType.MEL, 8000, 1.0, 0.5, List.of(256), 256, 16, 0, 4000,
                FrequencyScale.LINEAR, DbReference.TILE_MAX, 80, -40, 20);
    }

    /** Three-channel multi-resolution STFT at 8 kHz: tiles of [3, 16, 31]. */
    static FeatureSpec smallMultiStft() {
        return new FeatureSpec(SpectrogramType.MULTI_STFT, 8000, 1.0, 0.5, List.of(256, 512, 1024), 256, 16, 0,
                4000, FrequencyScale.LINEAR, DbReference.TILE_MAX, 80, -40, 20);
    }

    /** Linear STFT at 8 kHz with 256-point frames: tiles of [1, 129, 31], row r is bin r. */
    static FeatureSpec smallLinearStft() {
        return new FeatureSpec(SpectrogramType.STFT, 8000, 1.0, 0.5, List.of(256), 256, 129, 0, 4000,
                FrequencyScale.LINEAR, DbReference.TILE_MAX, 80, -40, 20);
    }

    /** {@code count} tiles of seeded values in the range normalised dB tiles take, about [-2, 2]. */
    static Tiles random(FeatureSpec spec, int count, long seed, boolean padded) {
        Random random = new Random(seed);
        int size = spec.channels() * spec.height() * spec.framesPerWindow();
        float[] data = new float[count * size];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (random.nextDouble() * 4 - 2);
        }
        return tiles(spec, data, count, padded);
    }

    static Tiles tiles(FeatureSpec spec, float[] data, int count, boolean padded) {
        double[] starts = new double[count];
        for (int i = 0; i < count; i++) {
            starts[i] = i * spec.windowHopSeconds();
        }
        return new Tiles(data, count, spec.channels(), spec.height(), spec.framesPerWindow(), starts, padded);
    }

    /**
     * Normalised dB spectrogram tiles of a mono signal for a linear {@link SpectrogramType#STFT} spec: Hann
     * frames centred on {@code k * hop}, power per FFT bin (row 0 = lowest frequency), 0 dB at the tile's
     * loudest cell, clipped at -topDb. A plain DFT: slow but obviously right, and tiles are small.
     */
    static Tiles stftTiles(FeatureSpec spec, float[] signal, int count) {
        int n = spec.fftSizes().get(0);
        int hop = spec.hopLength();
        int frames = spec.framesPerWindow();
        int height = spec.height();
        float[] data = new float[count * height * frames];
        for (int t = 0; t < count; t++) {
            double[] db = new double[height * frames];
            double max = -Double.MAX_VALUE;
            for (int f = 0; f < frames; f++) {
                int centre = (spec.windowStartFrame(t) + f) * hop;
                for (int bin = 0; bin < height; bin++) {
                    double re = 0;
                    double im = 0;
                    for (int i = 0; i < n; i++) {
                        int s = centre - n / 2 + i;
                        double x = s >= 0 && s < signal.length ? signal[s] : 0;
                        double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
                        double angle = -2 * Math.PI * bin * i / n;
                        re += x * w * Math.cos(angle);
                        im += x * w * Math.sin(angle);
                    }
                    double value = 10 * Math.log10(Math.max(re * re + im * im, 1e-10));
                    db[bin * frames + f] = value;
                    max = Math.max(max, value);
                }
            }
            for (int i = 0; i < db.length; i++) {
                double relative = Math.max(db[i] - max, -spec.topDb());
                data[t * db.length + i] = (float) ((relative - spec.normMean()) / spec.normStd());
            }
        }
        return tiles(spec, data, count, false);
    }
}
