package org.genrelens.features;

import java.util.Objects;

/**
 * The model inputs of one track: {@code count} tiles of {@code [channels, height, width]} floats, laid out
 * row-major as {@code [count][channels][height][width]} in one array so they can be batched without copying.
 *
 * @param startSeconds where each tile's window starts in the track
 * @param padded       true when the track was shorter than one window and was padded with silence
 */
public record Tiles(float[] data, int count, int channels, int height, int width, double[] startSeconds,
        boolean padded) {

    public Tiles {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(startSeconds, "startSeconds");
        if (count < 1 || channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("tiles need count, channels, height and width >= 1, got "
                    + count + ", " + channels + ", " + height + ", " + width);
        }
        if ((long) count * channels * height * width != data.length) {
            throw new IllegalArgumentException("data has " + data.length + " floats, expected "
                    + (long) count * channels * height * width);
        }
        if (startSeconds.length != count) {
            throw new IllegalArgumentException("startSeconds has " + startSeconds.length + " entries for "
                    + count + " tiles");
        }
    }

    /** Floats in one tile. */
    public int tileSize() {
        return channels * height * width;
    }

    /** A copy of one tile. */
    public float[] tile(int index) {
        Objects.checkIndex(index, count);
        float[] out = new float[tileSize()];
        System.arraycopy(data, index * tileSize(), out, 0, out.length);
        return out;
    }
}
