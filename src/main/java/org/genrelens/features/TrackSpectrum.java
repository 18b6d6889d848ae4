package org.genrelens.features;

import java.util.Objects;

/**
 * The whole track's band power in dB relative to power 1, before any tile reference, clipping or normalisation:
 * what {@link TileExtractor} computes once per track and cuts tiles from. Caching it lets training cut tiles at any
 * frame (random offsets, augmentation) without decoding or transforming the audio again.
 *
 * <p>Laid out {@code [channels][height][frames]} row-major. The array is shared, not copied: treat it as read-only.
 *
 * @param padded true when the track was shorter than one window and was zero-padded to one window
 */
public record TrackSpectrum(float[] db, int channels, int height, int frames, boolean padded) {

    public TrackSpectrum {
        Objects.requireNonNull(db, "db");
        if (channels < 1 || height < 1 || frames < 1) {
            throw new IllegalArgumentException("a spectrum needs channels, height and frames >= 1, got "
                    + channels + ", " + height + ", " + frames);
        }
        if ((long) channels * height * frames != db.length) {
            throw new IllegalArgumentException("db has " + db.length + " floats, expected "
                    + (long) channels * height * frames + " for " + channels + " x " + height + " x " + frames);
        }
    }

    /** Index of row {@code row} of channel {@code channel} at frame 0. */
    public int rowStart(int channel, int row) {
        return (channel * height + row) * frames;
    }
}
