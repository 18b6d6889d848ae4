package org.genrelens.training.sampling;

import java.util.Arrays;
import java.util.Random;
import org.genrelens.features.DbReference;
import org.genrelens.features.FeatureSpec;
import org.genrelens.features.TileExtractor;
import org.genrelens.features.TrackSpectrum;

/**
 * Cuts one augmented tile from a cached spectrum: gain and low-pass change the dB values before the tile's reference,
 * clipping and normalisation (as they would if they had happened to the audio), masks change the normalised tile.
 * Not thread-safe: it reuses one scratch window.
 */
final class TileAugmenter {

    /** Rows just below the cutoff that are attenuated progressively, like a codec's transition band. */
    static final int ROLL_OFF_BANDS = 3;

    private final FeatureSpec spec;
    private final Augmentation augmentation;
    private final TileExtractor extractor;
    private final double[] centres;
    private final float maskValue;
    private final float[] window;

    TileAugmenter(FeatureSpec spec, Augmentation augmentation, TileExtractor extractor) {
        this.spec = spec;
        this.augmentation = augmentation;
        this.extractor = extractor;
        this.centres = BandCentres.hz(spec);
        this.maskValue = floorValue(spec);
        this.window = new float[spec.channels() * spec.height() * spec.framesPerWindow()];
    }

    /** The value of a clipped cell after normalisation: what masked cells are set to. */
    static float floorValue(FeatureSpec spec) {
        return (float) ((-spec.topDb() - spec.normMean()) / spec.normStd());
    }

    /** Writes one tile of the spectrum starting at {@code startFrame} into {@code out} from {@code offset}. */
    void cut(TrackSpectrum spectrum, int startFrame, float[] out, int offset, Random random) {
        boolean gain = augmentation.maxGainDb() > 0 && spec.dbReference() == DbReference.ABSOLUTE;
        boolean lowPass = augmentation.lowPassProbability() > 0
                && random.nextDouble() < augmentation.lowPassProbability();
        if (gain || lowPass) {
            copyWindow(spectrum, startFrame);
            if (gain) {
                shift((float) ((random.nextDouble() * 2 - 1) * augmentation.maxGainDb()));
            }
            if (lowPass) {
                double low = Math.min(augmentation.minLowPassHz(), spec.fMax());
                lowPass(low + random.nextDouble() * (spec.fMax() - low));
            }
            int width = spec.framesPerWindow();
            extractor.tile(new TrackSpectrum(window, spec.channels(), spec.height(), width, false), 0, out, offset);
        } else {
            extractor.tile(spectrum, startFrame, out, offset);
        }
        for (int m = 0; m < augmentation.timeMasks(); m++) {
            timeMask(out, offset, random);
        }
        for (int m = 0; m < augmentation.frequencyMasks(); m++) {
            frequencyMask(out, offset, random);
        }
    }

    private void copyWindow(TrackSpectrum spectrum, int startFrame) {
        int width = spec.framesPerWindow();
        for (int c = 0; c < spec.channels(); c++) {
            for (int r = 0; r < spec.height(); r++) {
                System.arraycopy(spectrum.db(), spectrum.rowStart(c, r) + startFrame, window,
                        (c * spec.height() + r) * width, width);
            }
        }
    }

    private void shift(float db) {
        for (int i = 0; i < window.length; i++) {
            window[i] += db;
        }
    }

    /**
     * Rows whose centre is above the cutoff drop below anything the tile's reference keeps, so they clip to the floor;
     * the {@link #ROLL_OFF_BANDS} rows below lose {@code topDb · k / (ROLL_OFF_BANDS + 1)} dB, k = 3, 2, 1 nearest
     * the cutoff first. The lowest row is always kept so a TILE_MAX tile keeps a reference.
     */
    void lowPass(double cutoffHz) {
        int firstCut = 1;
        while (firstCut < centres.length && centres[firstCut] <= cutoffHz) {
            firstCut++;
        }
        if (firstCut == centres.length) {
            return;
        }
        int width = spec.framesPerWindow();
        int height = spec.height();
        for (int c = 0; c < spec.channels(); c++) {
            for (int r = Math.max(0, firstCut - ROLL_OFF_BANDS); r < firstCut; r++) {
                float loss = (float) (spec.topDb() * (ROLL_OFF_BANDS + 1 - (firstCut - r)) / (ROLL_OFF_BANDS + 1));
                int row = (c * height + r) * width;
                for (int t = 0; t < width; t++) {
                    window[row + t] -= loss;
                }
            }
        }
        float min = 0;
        for (float v : window) {
            min = Math.min(min, v);
        }
        // at least topDb below every kept cell (so below a TILE_MAX reference) and below -topDb (ABSOLUTE); 1 dB spare
        // so float rounding cannot lift it above the clip
        float floor = (float) (min - spec.topDb() - 1.0);
        for (int c = 0; c < spec.channels(); c++) {
            int from = (c * height + firstCut) * width;
            Arrays.fill(window, from, (c + 1) * height * width, floor);
        }
    }

    private void timeMask(float[] out, int offset, Random random) {
        int width = spec.framesPerWindow();
        int length = random.nextInt(Math.min(augmentation.maxTimeMaskFrames(), width) + 1);
        int start = random.nextInt(width - length + 1);
        for (int row = 0; row < spec.channels() * spec.height(); row++) {
            int from = offset + row * width + start;
            Arrays.fill(out, from, from + length, maskValue);
        }
    }

    private void frequencyMask(float[] out, int offset, Random random) {
        int width = spec.framesPerWindow();
        int height = spec.height();
        int length = random.nextInt(Math.min(augmentation.maxFrequencyMaskBands(), height) + 1);
        int start = random.nextInt(height - length + 1);
        for (int c = 0; c < spec.channels(); c++) {
            int from = offset + (c * height + start) * width;
            Arrays.fill(out, from, from + length * width, maskValue);
        }
    }
}
