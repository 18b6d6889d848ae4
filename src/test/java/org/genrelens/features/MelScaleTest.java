package org.genrelens.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MelScaleTest {

    @Test
    void knownFrequenciesMapToKnownMels() {
        assertEquals(0.0, MelScale.hzToMel(0), 1e-12);
        assertEquals(7.5, MelScale.hzToMel(500), 1e-12);
        assertEquals(15.0, MelScale.hzToMel(1000), 1e-12);
        // 6400 Hz is one factor 6.4 above 1 kHz: exactly 27 mel more
        assertEquals(42.0, MelScale.hzToMel(6400), 1e-9);
        assertEquals(45.245640, MelScale.hzToMel(8000), 1e-6);
        assertEquals(30.979402, MelScale.hzToMel(3000), 1e-6);
    }

    @Test
    void melToHzInvertsHzToMelAcrossTheAudibleRange() {
        for (double hz = 0; hz <= 24_000; hz += 37.5) {
            assertEquals(hz, MelScale.melToHz(MelScale.hzToMel(hz)), 1e-9 * Math.max(1, hz), "at " + hz + " Hz");
        }
        assertEquals(1000.0, MelScale.melToHz(15.0), 1e-9);
        assertEquals(6400.0, MelScale.melToHz(42.0), 1e-6);
    }

    @Test
    void scaleIsContinuousAtOneKilohertz() {
        assertEquals(MelScale.hzToMel(999.999), MelScale.hzToMel(1000.001), 1e-4);
    }
}
