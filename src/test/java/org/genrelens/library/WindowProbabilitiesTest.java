package org.genrelens.library;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class WindowProbabilitiesTest {

    @Test
    void blobRoundTripsEveryBitIncludingOddValues() {
        Random random = new Random(3);
        float[][] rows = new float[40][10];
        for (float[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                row[i] = random.nextFloat();
            }
        }
        rows[0][0] = -0.0f;
        rows[0][1] = Float.MIN_VALUE;
        rows[0][2] = Float.NaN;
        rows[0][3] = Float.intBitsToFloat(0x7fc00001); // a NaN with a payload
        byte[] blob = WindowProbabilities.encode(rows, 10);
        assertEquals(40 * 10 * 4, blob.length);
        float[][] back = WindowProbabilities.decode(blob, 40, 10);
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < 10; c++) {
                assertEquals(Float.floatToRawIntBits(rows[r][c]), Float.floatToRawIntBits(back[r][c]));
            }
        }
    }

    @Test
    void theBlobIsFloat32LittleEndian() {
        assertArrayEquals(new byte[] {0, 0, (byte) 0x80, 0x3f}, WindowProbabilities.encode(new float[] {1f}));
    }

    @Test
    void aBlobOfTheWrongLengthIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> WindowProbabilities.decode(new byte[12], 2, 2));
        assertThrows(IllegalArgumentException.class, () -> WindowProbabilities.decode(new byte[5]));
    }
}
