package org.genrelens.training.sampling;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.genrelens.features.DbReference;
import org.genrelens.features.FeatureSpec;
import org.genrelens.features.FrequencyScale;
import org.genrelens.features.SpectrogramType;
import org.genrelens.features.TrackSpectrum;
import org.genrelens.training.data.CachedClip;
import org.genrelens.training.data.LabeledClip;

/** Small specs and hand-made spectra for sampler tests: no audio needed to check where tiles come from. */
public final class SyntheticSpectra {

    /** 8 kHz, 1 s windows every 0.5 s of 62 frames, 32 mel bands to 4 kHz. */
    public static FeatureSpec smallSpec(DbReference reference) {
        return new FeatureSpec(SpectrogramType.MEL, 8_000, 1.0, 0.5, List.of(256), 128, 32, 0.0, 4_000.0,
                FrequencyScale.LINEAR, reference, 80.0, -40.0, 20.0);
    }

    /** Frames for exactly three grid windows of {@link #smallSpec}: starts 0, 31 and 63, 62 wide. */
    static final int THREE_WINDOWS = 125;

    private SyntheticSpectra() {
    }

    /** A clip whose every cell is {@code db}: each tile it gives is constant, so a tile's value names its clip. */
    static CachedClip constant(String name, int label, float db, int frames) {
        float[] values = new float[32 * frames];
        Arrays.fill(values, db);
        return new CachedClip(new LabeledClip(Path.of(name + ".wav"), "genre" + label), label,
                new TrackSpectrum(values, 1, 32, frames, false));
    }

    /** A clip of random levels in [-60, -10] dB: every tile differs from every other. */
    static CachedClip random(String name, int label, int frames, long seed) {
        Random random = new Random(seed);
        float[] values = new float[32 * frames];
        for (int i = 0; i < values.length; i++) {
            values[i] = -60f + 50f * random.nextFloat();
        }
        return new CachedClip(new LabeledClip(Path.of(name + ".wav"), "genre" + label), label,
                new TrackSpectrum(values, 1, 32, frames, false));
    }

    /** The normalised value of a constant {@code db} cell under an ABSOLUTE spec. */
    static float normalised(FeatureSpec spec, float db) {
        return (float) ((Math.max(db, -spec.topDb()) - spec.normMean()) / spec.normStd());
    }
}
