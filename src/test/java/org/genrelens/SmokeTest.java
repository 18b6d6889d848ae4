package org.genrelens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.genrelens.features.FeatureSpec;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void defaultSpecHasFiveSecondTiles() {
        assertEquals(215, FeatureSpec.defaultMel().framesPerWindow());
    }
}
