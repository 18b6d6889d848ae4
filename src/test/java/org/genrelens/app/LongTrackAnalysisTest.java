package org.genrelens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.genrelens.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory does not grow with a track's length (decision record 0019): a generated 3-hour track is classified by the
 * command line in its own JVM with a 256 MB heap, which the whole track's samples alone (950 MB of floats at
 * 22,050 Hz) would overflow. The slowest test of the suite, about a minute on two cores; the 240 MB file lives in a
 * temporary folder for the test's length only.
 */
class LongTrackAnalysisTest {

    private static final int HOURS = 3;
    private static final int RATE = 11_025; // resampled to the model's 22,050 Hz on the way, as most files are

    @TempDir
    Path dir;

    @Test
    void aThreeHourTrackIsClassifiedInFullWithA256MegabyteHeap() throws Exception {
        Path track = writeLongWav(dir.resolve("three-hours.wav"), HOURS * 3600);

        ChildJvm classify = ChildJvm.start("org.genrelens.app.Main", List.of("-Xmx256m"), List.of("classify",
                "--json", "--model", Path.of("models", "genre-cnn.onnx").toString(), track.toString()),
                dir.resolve("classify.log"));
        int exit = classify.waitFor(900);

        String output = classify.output();
        assertEquals(0, exit, output);
        String line = output.lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow(() ->
                new AssertionError("no JSON result in:\n" + output));
        JsonNode result = new ObjectMapper().readTree(line);
        assertEquals(HOURS * 3600.0, result.get("durationSeconds").asDouble(), 0.5, line);
        // windows of 5 s every 2.5 s over the whole track: every window was classified, none skipped
        assertEquals(HOURS * 3600 / 2.5 - 1, result.get("windows").asInt(), 1, line);
        assertFalse(result.get("padded").asBoolean(), line);
        assertTrue(output.contains("classified 1 of 1"), output);
    }

    /**
     * 16-bit mono PCM that changes every ten seconds (chords of different pitch, then noise), written a second at a
     * time so the test itself never holds the track either.
     */
    private static Path writeLongWav(Path target, int seconds) throws IOException {
        long dataBytes = 2L * RATE * seconds;
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) (36 + dataBytes))
                .put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(RATE).putInt(2 * RATE).putShort((short) 2)
                .putShort((short) 16).put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt((int) dataBytes);
        Random random = new Random(3);
        ByteBuffer second = ByteBuffer.allocate(2 * RATE).order(ByteOrder.LITTLE_ENDIAN);
        double[] phases = new double[3];
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 20)) {
            out.write(header.array());
            for (int s = 0; s < seconds; s++) {
                int part = s / 10;
                double base = 110 * (1 + part % 7);
                boolean noise = part % 5 == 4;
                second.clear();
                for (int i = 0; i < RATE; i++) {
                    double v = 0;
                    if (noise) {
                        v = 0.4 * (random.nextDouble() * 2 - 1);
                    } else {
                        for (int h = 0; h < phases.length; h++) {
                            phases[h] += 2 * Math.PI * base * (h + 1) / RATE;
                            v += 0.2 * Math.sin(phases[h]);
                        }
                    }
                    second.putShort((short) Math.round(v * 32767));
                }
                out.write(second.array());
            }
        }
        return target;
    }
}
