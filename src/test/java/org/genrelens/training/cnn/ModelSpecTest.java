package org.genrelens.training.cnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelSpecTest {

    @Test
    void smallIsTheRepresentativeResidualModel() {
        ModelSpec spec = ModelSpec.small(1, 10);
        assertEquals(List.of(16, 32, 64, 128), spec.blockChannels());
        assertEquals(3, spec.kernelSize());
        assertTrue(spec.residual());
        assertEquals(PoolingType.MAX, spec.pooling());
        assertEquals(64, spec.denseWidth());
        assertEquals(0.3, spec.dropout());
        assertEquals(128, spec.featureWidth());
        assertEquals(16, spec.minimumTileSide());
    }

    @Test
    void withClassesKeepsTheBodyAndChangesOnlyTheOutput() {
        ModelSpec spec = ModelSpec.small(3, 10);
        ModelSpec retargeted = spec.withClasses(4);
        assertEquals(4, retargeted.classes());
        assertEquals(spec, retargeted.withClasses(10));
    }

    @Test
    void mapRoundTripGivesTheSameSpecAlsoThroughJson() throws Exception {
        ModelSpec spec = new ModelSpec(3, 7, List.of(8, 8, 24), 5, false, PoolingType.AVG, 0, 0.0);
        assertEquals(spec, ModelSpec.fromMap(spec.toMap()));

        // A card stores the map as JSON: numbers come back as Integer or Double, pooling as text.
        ObjectMapper json = new ObjectMapper();
        @SuppressWarnings("unchecked")
        Map<String, Object> read = json.readValue(json.writeValueAsBytes(spec.toMap()), Map.class);
        assertEquals(spec, ModelSpec.fromMap(read));
    }

    @Test
    void fromMapIgnoresOtherHyperparametersButNamesAMissingField() {
        Map<String, Object> map = new HashMap<>(ModelSpec.small(1, 10).toMap());
        map.put("learningRate", 0.001);
        assertEquals(ModelSpec.small(1, 10), ModelSpec.fromMap(map));

        map.remove("kernelSize");
        var e = assertThrows(IllegalArgumentException.class, () -> ModelSpec.fromMap(map));
        assertTrue(e.getMessage().contains("'kernelSize'"), e.getMessage());

        map.put("kernelSize", 3.5);
        e = assertThrows(IllegalArgumentException.class, () -> ModelSpec.fromMap(map));
        assertTrue(e.getMessage().contains("must be an integer"), e.getMessage());

        map.put("kernelSize", 3);
        map.put("pooling", "median");
        e = assertThrows(IllegalArgumentException.class, () -> ModelSpec.fromMap(map));
        assertTrue(e.getMessage().contains("MAX or AVG"), e.getMessage());
    }

    @Test
    void constructorRefusesValuesOutsideTheTunersRange() {
        List<Integer> ok = List.of(16, 32);
        assertInvalid("inputChannels", () -> new ModelSpec(0, 10, ok, 3, true, PoolingType.MAX, 64, 0.3));
        assertInvalid("inputChannels", () -> new ModelSpec(4, 10, ok, 3, true, PoolingType.MAX, 64, 0.3));
        assertInvalid("classes", () -> new ModelSpec(1, 1, ok, 3, true, PoolingType.MAX, 64, 0.3));
        assertInvalid("1..6 blocks", () -> new ModelSpec(1, 10, List.of(), 3, true, PoolingType.MAX, 64, 0.3));
        assertInvalid("1..6 blocks",
                () -> new ModelSpec(1, 10, List.of(8, 8, 8, 8, 8, 8, 8), 3, true, PoolingType.MAX, 64, 0.3));
        assertInvalid("1..512", () -> new ModelSpec(1, 10, List.of(16, 513), 3, true, PoolingType.MAX, 64, 0.3));
        assertInvalid("1..512", () -> new ModelSpec(1, 10, List.of(0), 3, true, PoolingType.MAX, 64, 0.3));
        assertInvalid("kernelSize", () -> new ModelSpec(1, 10, ok, 4, true, PoolingType.MAX, 64, 0.3));
        assertInvalid("kernelSize", () -> new ModelSpec(1, 10, ok, 9, true, PoolingType.MAX, 64, 0.3));
        assertInvalid("denseWidth", () -> new ModelSpec(1, 10, ok, 3, true, PoolingType.MAX, -1, 0.3));
        assertInvalid("dropout", () -> new ModelSpec(1, 10, ok, 3, true, PoolingType.MAX, 64, 1.0));
        assertInvalid("dropout", () -> new ModelSpec(1, 10, ok, 3, true, PoolingType.MAX, 64, -0.1));
        assertThrows(NullPointerException.class, () -> new ModelSpec(1, 10, ok, 3, true, null, 64, 0.3));
    }

    @Test
    void blockChannelsCannotBeChangedAfterwards() {
        List<Integer> channels = new java.util.ArrayList<>(List.of(8, 16));
        ModelSpec spec = new ModelSpec(1, 2, channels, 3, true, PoolingType.MAX, 0, 0);
        channels.add(32);
        assertEquals(List.of(8, 16), spec.blockChannels());
        assertThrows(UnsupportedOperationException.class, () -> spec.blockChannels().add(1));
    }

    private static void assertInvalid(String mentioned, org.junit.jupiter.api.function.Executable construct) {
        var e = assertThrows(IllegalArgumentException.class, construct);
        assertTrue(e.getMessage().contains(mentioned), e.getMessage());
    }
}
