package org.genrelens.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.junit.jupiter.api.Test;

/** A real 30 s GTZAN clip through the default spec. */
class GtzanClipTest {

    private static final Path CLIP = Path.of("../shared/data/gtzan-subset/genres/classical/classical.00000.au");

    @Test
    void classicalClipGivesElevenFiniteTilesWithinTheNormalisedRange() throws Exception {
        float[] pcm = readMono16(CLIP);
        assertEquals(661_794, pcm.length, "the clip is 30.01 s at 22.05 kHz");
        FeatureSpec spec = FeatureSpec.defaultMel();

        Tiles tiles = new TileExtractor(spec).extract(pcm);

        // 1293 frames; tiles of 215 frames start every 2.5 s (107.67 frames): the 11th at frame 1077 ends at 1292
        assertEquals(11, tiles.count());
        assertFalse(tiles.padded());
        assertEquals(1077 * 512 / 22_050.0, tiles.startSeconds()[10], 1e-12);
        double low = (-spec.topDb() - spec.normMean()) / spec.normStd();
        double high = (0 - spec.normMean()) / spec.normStd();
        for (int i = 0; i < tiles.count(); i++) {
            float max = Float.NEGATIVE_INFINITY;
            for (float v : tiles.tile(i)) {
                assertTrue(Float.isFinite(v) && v >= low - 1e-6 && v <= high + 1e-6, "tile " + i + " value " + v);
                max = Math.max(max, v);
            }
            assertEquals(high, max, 1e-6, "each TILE_MAX tile reaches 0 dB");
        }
    }

    private static float[] readMono16(Path file) throws IOException, UnsupportedAudioFileException {
        if (!Files.isRegularFile(file)) {
            fail("GTZAN test data is missing: expected " + file.toAbsolutePath().normalize()
                    + " (../shared/data relative to the project root); put the gtzan-subset there to run this test");
        }
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat format = in.getFormat();
            assertEquals(22_050f, format.getSampleRate());
            assertEquals(1, format.getChannels());
            assertEquals(16, format.getSampleSizeInBits());
            ByteBuffer bytes = ByteBuffer.wrap(in.readAllBytes())
                    .order(format.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            float[] out = new float[bytes.remaining() / 2];
            for (int i = 0; i < out.length; i++) {
                out[i] = bytes.getShort() / 32768f;
            }
            return out;
        }
    }
}
