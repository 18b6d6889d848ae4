package org.genrelens.features;

import java.util.Objects;

/**
 * A whole track's spectrogram for display: un-normalised dB laid out {@code [channels][height][frames]},
 * row 0 the lowest frequency. For {@link DbReference#TILE_MAX} specs 0 dB is the loudest cell of the whole
 * track, otherwise power 1; values are clipped at {@code -topDb}.
 */
public record Spectrogram(float[] db, int channels, int height, int frames, double secondsPerFrame) {

    public Spectrogram {
        Objects.requireNonNull(db, "db");
        if (channels < 1 || height < 1 || frames < 1) {
            throw new IllegalArgumentException("a spectrogram needs channels, height and frames >= 1, got "
                    + channels + ", " + height + ", " + frames);
        }
        if ((long) channels * height * frames != db.length) {
            throw new IllegalArgumentException("db has " + db.length + " values, expected "
                    + (long) channels * height * frames);
        }
        if (!(secondsPerFrame > 0)) {
            throw new IllegalArgumentException("secondsPerFrame must be positive, was " + secondsPerFrame);
        }
    }

    /** The dB value of one cell. */
    public float value(int channel, int row, int frame) {
        Objects.checkIndex(channel, channels);
        Objects.checkIndex(row, height);
        Objects.checkIndex(frame, frames);
        return db[(channel * height + row) * frames + frame];
    }

    public double durationSeconds() {
        return frames * secondsPerFrame;
    }
}
