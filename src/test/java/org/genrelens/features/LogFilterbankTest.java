package org.genrelens.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogFilterbankTest {

    @Test
    void lowerEdgeIsTwentyHertzOrOneBinWhenFMinIsZero() {
        assertEquals(20.0, LogFilterbank.lowerEdgeHz(22_050, 2048, 0), 1e-12); // one bin is 10.8 Hz
        assertEquals(22_050.0 / 1024, LogFilterbank.lowerEdgeHz(22_050, 1024, 0), 1e-12); // one bin is 21.5 Hz
        assertEquals(55.0, LogFilterbank.lowerEdgeHz(22_050, 1024, 55), 1e-12);
    }

    @Test
    void centresAreEvenlySpacedInLogFrequency() {
        double[] edges = LogFilterbank.bandEdgesHz(30, 40, 8000);
        double ratio = Math.pow(8000.0 / 40, 1.0 / 31);
        for (int i = 1; i < edges.length; i++) {
            assertEquals(ratio, edges[i] / edges[i - 1], 1e-12);
        }
    }

    @Test
    void everyBandPassesWhiteNoiseAtTheSameLevelEvenBelowOneBin() {
        // 128 log bands on a 1024 FFT: the low bands are far narrower than a 21.5 Hz bin
        int sr = 22_050;
        int n = 1024;
        Filterbank bank = LogFilterbank.create(sr, n, 128, 0, 10_000);
        double binHz = (double) sr / n;
        double[] flat = new double[n / 2 + 1];
        java.util.Arrays.fill(flat, 1.0);
        for (int b = 0; b < bank.bands(); b++) {
            assertTrue(bank.weights(b).length >= 1, "band " + b + " has a bin");
            // unit area in Hz: a flat spectrum of 1 per bin gives 1 / binHz in every band
            assertEquals(1.0 / binHz, bank.apply(flat, b), 1e-9, "band " + b);
        }
    }

    @Test
    void aNarrowBandTakesTheBinThatContainsIt() {
        int sr = 16_000;
        int n = 256; // 62.5 Hz bins
        Filterbank bank = LogFilterbank.create(sr, n, 60, 0, 8000);
        double[] edges = LogFilterbank.bandEdgesHz(60, 62.5, 8000);
        int band = 2;
        assertTrue(edges[band + 2] - edges[band] < 62.5 / 2, "the band is narrower than half a bin");
        // band 2 spans about 73..86 Hz, wholly inside bin 1 (31.25..93.75 Hz)
        assertTrue(edges[band] > 31.25 && edges[band + 2] < 93.75, "band 2 lies inside bin 1");
        assertEquals(1, bank.firstBin(band));
        assertEquals(1, bank.weights(band).length);
        assertEquals(1.0 / 62.5, bank.weights(band)[0], 1e-12);
    }

    @Test
    void refusesALowerEdgeAboveFMax() {
        assertThrows(IllegalArgumentException.class, () -> LogFilterbank.create(8000, 64, 8, 0, 100));
    }
}
