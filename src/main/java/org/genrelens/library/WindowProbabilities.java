package org.genrelens.library;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The compact blob form of probability rows: float32 little-endian, row after row. 10 genres × 50 windows is
 * 2 KB per track instead of 500 rows; the values round-trip bit for bit.
 */
public final class WindowProbabilities {

    private WindowProbabilities() {
    }

    public static byte[] encode(float[][] rows, int columns) {
        ByteBuffer buffer = ByteBuffer.allocate(Math.multiplyExact(Math.multiplyExact(rows.length, columns), 4))
                .order(ByteOrder.LITTLE_ENDIAN);
        for (float[] row : rows) {
            if (row.length != columns) {
                throw new IllegalArgumentException("every row needs " + columns + " values, one has " + row.length);
            }
            for (float v : row) {
                buffer.putFloat(v);
            }
        }
        return buffer.array();
    }

    public static float[][] decode(byte[] blob, int rows, int columns) {
        if (blob.length != rows * columns * 4) {
            throw new IllegalArgumentException("a blob of " + rows + " × " + columns + " floats has "
                    + rows * columns * 4 + " bytes, this one " + blob.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        float[][] out = new float[rows][columns];
        for (float[] row : out) {
            for (int c = 0; c < columns; c++) {
                row[c] = buffer.getFloat();
            }
        }
        return out;
    }

    public static byte[] encode(float[] values) {
        return encode(new float[][] {values}, values.length);
    }

    public static float[] decode(byte[] blob) {
        if (blob.length % 4 != 0) {
            throw new IllegalArgumentException("a float32 blob's length is a multiple of 4, this one is " + blob.length);
        }
        return blob.length == 0 ? new float[0] : decode(blob, 1, blob.length / 4)[0];
    }
}
