package org.genrelens.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genrelens.features.DbReference;
import org.genrelens.features.FeatureSpec;
import org.genrelens.features.FrequencyScale;
import org.genrelens.features.SpectrogramType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCardTest {

    private static final String SHA = "ab".repeat(32);

    @TempDir
    Path dir;

    @Test
    void jsonRoundTripPreservesEveryField() throws Exception {
        // Every FeatureSpec field differs from the default so a dropped field would show.
        FeatureSpec spec = new FeatureSpec(SpectrogramType.STFT, 16_000, 3.0, 1.5, List.of(2048), 256, 96, 30.0,
                7_000.0, FrequencyScale.LOG, DbReference.ABSOLUTE, 70.0, -35.5, 17.25);
        ModelCard card = fullCard(spec);
        Path file = dir.resolve("m.card.json");

        card.write(file);
        ModelCard back = ModelCard.read(file);

        assertEquals(card, back);
        assertEquals(spec, back.featureSpec());
        assertEquals(spec.hash(), back.featureSpec().hash());
    }

    @Test
    void featureSpecIsWrittenFieldByField() throws Exception {
        Path file = dir.resolve("m.card.json");
        fullCard(FeatureSpec.defaultMel()).write(file);

        ObjectNode spec = (ObjectNode) new ObjectMapper().readTree(file.toFile()).get("featureSpec");

        assertEquals(14, spec.size(), spec.toString());
        assertEquals("MEL", spec.get("type").asText());
        assertEquals(10_000.0, spec.get("fMax").asDouble());
        assertEquals(1024, spec.get("fftSizes").get(0).asInt());
    }

    @Test
    void unknownFieldsAreIgnored() throws Exception {
        Path file = dir.resolve("m.card.json");
        fullCard(FeatureSpec.defaultMel()).write(file);
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(file.toFile());
        root.put("addedByANewerTrainer", "x");
        ((ObjectNode) root.get("featureSpec")).put("preEmphasis", 0.97);
        json.writeValue(file.toFile(), root);

        assertEquals(fullCard(FeatureSpec.defaultMel()), ModelCard.read(file));
    }

    @Test
    void missingOptionalMapsReadAsEmpty() throws Exception {
        Path file = dir.resolve("m.card.json");
        fullCard(FeatureSpec.defaultMel()).write(file);
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(file.toFile());
        root.remove(List.of("modelSpec", "metrics"));
        json.writeValue(file.toFile(), root);

        ModelCard card = ModelCard.read(file);

        assertEquals(Map.of(), card.modelSpec());
        assertEquals(Map.of(), card.metrics());
    }

    @Test
    void missingRequiredFieldIsAnErrorNamingFieldAndFile() throws Exception {
        Path file = dir.resolve("m.card.json");
        fullCard(FeatureSpec.defaultMel()).write(file);
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(file.toFile());
        ((ObjectNode) root.get("featureSpec")).remove("hopLength");
        json.writeValue(file.toFile(), root);

        InvalidModelCardException e = assertThrows(InvalidModelCardException.class, () -> ModelCard.read(file));

        assertTrue(e.getMessage().contains("'featureSpec.hopLength'"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void invalidValueIsAnInvalidCard() throws Exception {
        Path file = dir.resolve("m.card.json");
        fullCard(FeatureSpec.defaultMel()).write(file);
        Files.writeString(file, Files.readString(file).replace(SHA, "not-a-hash"));

        InvalidModelCardException e = assertThrows(InvalidModelCardException.class, () -> ModelCard.read(file));

        assertTrue(e.getMessage().contains("sha256 must be 64 hex digits"), e.getMessage());
    }

    @Test
    void newerFormatVersionIsRefusedWithAdvice() throws Exception {
        Path file = dir.resolve("m.card.json");
        fullCard(FeatureSpec.defaultMel()).write(file);
        Files.writeString(file, Files.readString(file).replace("\"formatVersion\" : 1", "\"formatVersion\" : 2"));

        InvalidModelCardException e = assertThrows(InvalidModelCardException.class, () -> ModelCard.read(file));

        assertTrue(e.getMessage().contains("update GenreLens"), e.getMessage());
    }

    @Test
    void missingCardIsNoSuchFile() {
        assertThrows(NoSuchFileException.class, () -> ModelCard.read(dir.resolve("absent.card.json")));
    }

    @Test
    void cardSitsBesideTheModel() {
        assertEquals(Path.of("models", "genre-cnn.card.json"),
                ModelCard.cardPathFor(Path.of("models", "genre-cnn.onnx")));
    }

    @Test
    void sha256OfFileIsTheStandardDigest() throws Exception {
        Path file = Files.write(dir.resolve("abc"), "abc".getBytes(StandardCharsets.US_ASCII));

        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ModelCard.sha256Of(file));
    }

    @Test
    void describeHashesTheFileAndTakesTheShapeFromTheSpec() throws Exception {
        Path onnx = Files.write(dir.resolve("x.onnx"), new byte[] {1, 2, 3});

        ModelCard card = ModelCard.describe(onnx, "x", List.of("a", "b"), FeatureSpec.defaultMel(), Map.of(),
                Map.of(), Map.of());

        assertEquals(ModelCard.sha256Of(onnx), card.sha256());
        assertEquals(List.of(-1L, 1L, 128L, 215L), card.inputShape());
        assertEquals(ModelCard.FORMAT_VERSION, card.formatVersion());
    }

    @Test
    void duplicateLabelsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ModelCard(1, "m", List.of("rock", "rock"), FeatureSpec.defaultMel(),
                        List.of(-1L, 1L, 128L, 215L), SHA, "2025-01-01T00:00:00Z", Map.of(), Map.of(), Map.of()));
        assertTrue(e.getMessage().contains("rock"), e.getMessage());
    }

    private static ModelCard fullCard(FeatureSpec spec) {
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("data", "GTZAN subset");
        provenance.put("split", Map.of("train", 0.7, "validation", 0.15, "test", 0.15));
        provenance.put("seed", 42);
        provenance.put("libraries", Map.of("onnxruntime", "1.24.1", "djl", "0.30.0"));
        Map<String, Object> modelSpec = Map.of("channels", List.of(16, 32, 64, 128), "dropout", 0.3);
        Map<String, Object> metrics = Map.of("accuracy", 0.81, "protocol", "track-level, held-out test split");
        List<Long> shape = java.util.Arrays.stream(spec.inputShape()).boxed().toList();
        return new ModelCard(1, "genre-cnn", List.of("blues", "classical", "metal"), spec, shape, SHA,
                "2025-06-01T12:30:00Z", provenance, modelSpec, metrics);
    }
}
