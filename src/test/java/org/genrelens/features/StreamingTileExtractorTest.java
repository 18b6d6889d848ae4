package org.genrelens.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.genrelens.testing.TestAudio;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * A track fed a chunk at a time gives the very tiles {@link TileExtractor#extract} gives for it whole: same count,
 * same starts, same padding flag, same floats to the last bit, whatever the chunk sizes and the track's length.
 */
class StreamingTileExtractorTest {

    @ParameterizedTest(name = "{0} s of {1} in chunks of up to {2}, batches of {3}")
    @CsvSource({
        "0.0001, tone, 4096, 8", // a couple of samples
        "1.3, tone, 777, 8", // shorter than one window: padded
        "5.0, noise, 8192, 8", // exactly one window
        "7.777, tone+noise, 1, 3", // sample by sample, not a multiple of the hop
        "31.31, tone+noise, 5000, 8",
        "64.02, noise, 65536, 64"})
    void streamedTilesAreTheTilesOfTheWholeTrack(double seconds, String signal, int maxChunk, int batchSize) {
        for (FeatureSpec spec : Specs.allTypes(DbReference.TILE_MAX)) {
            float[] pcm = signal(signal, seconds, spec.sampleRate());
            TileExtractor extractor = new TileExtractor(spec);
            Tiles whole = extractor.extract(pcm);

            Tiles streamed = stream(extractor, pcm, maxChunk, batchSize, new Random(seedOf(seconds)));

            assertEquals(whole.count(), streamed.count(), spec.type() + ": windows");
            assertEquals(whole.padded(), streamed.padded(), spec.type() + ": padded");
            assertArrayEquals(whole.startSeconds(), streamed.startSeconds(), spec.type() + ": starts");
            assertArrayEquals(whole.data(), streamed.data(), spec.type() + ": tile values");
        }
    }

    @Test
    void windowsFartherApartThanTheyAreLongAreCutFromTheSameGridAsAWholeTrack() {
        FeatureSpec spec = FeatureSpec.defaultMel().withWindowHopSeconds(12.3);
        float[] pcm = signal("tone+noise", 70.1, spec.sampleRate());
        TileExtractor extractor = new TileExtractor(spec);
        Tiles whole = extractor.extract(pcm);

        Tiles streamed = stream(extractor, pcm, 3000, 2, new Random(1));

        assertEquals(6, streamed.count());
        assertArrayEquals(whole.startSeconds(), streamed.startSeconds());
        assertArrayEquals(whole.data(), streamed.data());
    }

    @Test
    void aTrackWithoutSamplesIsRefused() {
        StreamingTileExtractor empty = new StreamingTileExtractor(new TileExtractor(FeatureSpec.defaultMel()), 8,
                tiles -> { });

        assertThrows(IllegalArgumentException.class, empty::finish);
    }

    /** Feeds the track in random chunks and joins the batches back into one {@link Tiles}. */
    private static Tiles stream(TileExtractor extractor, float[] pcm, int maxChunk, int batchSize, Random random) {
        List<Tiles> batches = new ArrayList<>();
        StreamingTileExtractor streaming = new StreamingTileExtractor(extractor, batchSize, tiles -> batches.add(
                new Tiles(tiles.data().clone(), tiles.count(), tiles.channels(), tiles.height(), tiles.width(),
                        tiles.startSeconds(), tiles.padded()))); // a batch's arrays are reused after the call
        float[] chunk = new float[maxChunk + 7];
        for (int at = 0; at < pcm.length;) {
            int n = Math.min(pcm.length - at, 1 + random.nextInt(maxChunk));
            int offset = random.nextInt(8);
            System.arraycopy(pcm, at, chunk, offset, n);
            streaming.accept(chunk, offset, n);
            java.util.Arrays.fill(chunk, Float.NaN); // the extractor must have copied what it keeps
            at += n;
        }
        streaming.finish();
        int count = 0;
        for (Tiles batch : batches) {
            if (batch.count() > batchSize) {
                throw new AssertionError("a batch of " + batch.count() + " tiles, more than " + batchSize);
            }
            count += batch.count();
        }
        Tiles first = batches.get(0);
        float[] data = new float[count * first.tileSize()];
        double[] starts = new double[count];
        int at = 0;
        for (Tiles batch : batches) {
            System.arraycopy(batch.data(), 0, data, at * first.tileSize(), batch.data().length);
            System.arraycopy(batch.startSeconds(), 0, starts, at, batch.count());
            at += batch.count();
        }
        Tiles last = batches.get(batches.size() - 1);
        return new Tiles(data, count, first.channels(), first.height(), first.width(), starts, last.padded());
    }

    private static float[] signal(String kind, double seconds, int rate) {
        float[] tone = TestAudio.chord(new double[] {220, 1_234, 5_500}, seconds, rate, 0.6);
        float[] noise = TestAudio.noise(seconds, rate, 0.3, 42);
        float[] out = new float[Math.max(1, tone.length)];
        for (int i = 0; i < tone.length; i++) {
            // the level changes over time, so each tile has its own reference
            float envelope = (float) (0.2 + 0.8 * Math.abs(Math.sin(i / (double) rate)));
            out[i] = switch (kind) {
                case "tone" -> tone[i] * envelope;
                case "noise" -> noise[i];
                default -> (tone[i] + noise[i]) * envelope * 0.7f;
            };
        }
        if (tone.length == 0) {
            out[0] = 0.25f;
        }
        return out;
    }

    private static long seedOf(double seconds) {
        return Double.doubleToLongBits(seconds);
    }
}
