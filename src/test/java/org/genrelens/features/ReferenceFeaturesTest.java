package org.genrelens.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares the Java spectrograms with the numpy reference in reference-features.json, written by
 * src/test/python/reference_features.py (see its header to regenerate).
 */
class ReferenceFeaturesTest {

    private static final String FIXTURE = "reference-features.json";
    private static final double TOLERANCE_DB = 1e-3;

    static Stream<String> cases() throws IOException {
        List<String> names = new ArrayList<>();
        fixture().get("cases").forEach(c -> names.add(c.get("name").asText()));
        return names.stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void javaMatchesTheNumpyReferenceWithinAThousandthOfADecibel(String name) throws IOException {
        JsonNode root = fixture();
        JsonNode c = caseNamed(root, name);
        float[] pcm = samples(root);
        List<Integer> fftSizes = new ArrayList<>();
        c.get("fftSizes").forEach(n -> fftSizes.add(n.asInt()));
        double topDb = root.get("topDb").asDouble();
        FeatureSpec spec = new FeatureSpec(SpectrogramType.valueOf(c.get("type").asText()),
                root.get("sampleRate").asInt(), 1.0, 0.5, fftSizes, root.get("hopLength").asInt(),
                c.get("bands").asInt(), c.get("fMin").asDouble(), c.get("fMax").asDouble(),
                FrequencyScale.valueOf(c.get("stftScale").asText()), DbReference.ABSOLUTE, topDb, 0.0, 1.0);

        Spectrogram actual = new TileExtractor(spec).spectrogram(pcm);
        float[] expected = floats(c.get("dbFloat32Base64").asText());

        assertEquals(c.get("channels").asInt(), actual.channels());
        assertEquals(c.get("height").asInt(), actual.height());
        assertEquals(c.get("frames").asInt(), actual.frames());
        assertEquals(expected.length, actual.db().length);
        int compared = 0;
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] > -topDb + TOLERANCE_DB) {
                assertEquals(expected[i], actual.db()[i], TOLERANCE_DB, name + " cell " + describe(actual, i));
                compared++;
            } else {
                assertTrue(actual.db()[i] <= -topDb + TOLERANCE_DB,
                        name + " cell " + describe(actual, i) + " is at the floor in numpy but " + actual.db()[i]);
            }
        }
        assertTrue(compared > expected.length * 3 / 4, "most cells are above the floor: " + compared);
    }

    private static String describe(Spectrogram s, int index) {
        int frame = index % s.frames();
        int row = index / s.frames() % s.height();
        int channel = index / s.frames() / s.height();
        return "[channel " + channel + ", row " + row + ", frame " + frame + "]";
    }

    private static JsonNode fixture() throws IOException {
        try (InputStream in = ReferenceFeaturesTest.class.getResourceAsStream(FIXTURE)) {
            assertNotNull(in, FIXTURE + " is missing from src/test/resources/org/genrelens/features; regenerate it "
                    + "with src/test/python/reference_features.py");
            return new ObjectMapper().readTree(in);
        }
    }

    private static JsonNode caseNamed(JsonNode root, String name) {
        for (JsonNode c : root.get("cases")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no case " + name + " in " + FIXTURE);
    }

    /** The fixture's int16 samples; each float sample is exactly pcm16 / 32768, as on the numpy side. */
    private static float[] samples(JsonNode root) {
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(root.get("pcm16Base64").asText()))
                .order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[root.get("sampleCount").asInt()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.getShort() / 32768f;
        }
        return out;
    }

    private static float[] floats(String base64) {
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(base64)).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[bytes.remaining() / 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.getFloat();
        }
        return out;
    }
}
