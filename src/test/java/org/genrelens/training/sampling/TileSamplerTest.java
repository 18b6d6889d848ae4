package org.genrelens.training.sampling;

import static org.genrelens.training.sampling.SyntheticSpectra.THREE_WINDOWS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.genrelens.features.DbReference;
import org.genrelens.features.FeatureSpec;
import org.genrelens.features.TileExtractor;
import org.genrelens.features.Tiles;
import org.genrelens.testing.TestAudio;
import org.genrelens.training.data.CachedClip;
import org.genrelens.training.data.LabeledClip;
import org.junit.jupiter.api.Test;

class TileSamplerTest {

    private static final FeatureSpec ABSOLUTE = SyntheticSpectra.smallSpec(DbReference.ABSOLUTE);
    private static final FeatureSpec TILE_MAX = SyntheticSpectra.smallSpec(DbReference.TILE_MAX);

    /** 89 "classical" clips and 8 of another genre, like the local subset; clip i is constant at -10 - i/4 dB. */
    private static List<CachedClip> imbalanced() {
        List<CachedClip> clips = new ArrayList<>();
        for (int i = 0; i < 97; i++) {
            clips.add(SyntheticSpectra.constant("clip" + i, i < 89 ? 0 : 1, -10f - i / 4f, THREE_WINDOWS));
        }
        return clips;
    }

    /** Which clip a constant tile came from, by its value. */
    private static int clipOf(float[] tiles, int tile, int tileSize) {
        float value = tiles[tile * tileSize];
        for (int k = 1; k < tileSize; k++) {
            assertEquals(value, tiles[tile * tileSize + k], 0f, "a tile of a constant clip is constant");
        }
        double db = value * ABSOLUTE.normStd() + ABSOLUTE.normMean();
        int clip = (int) Math.round((-10 - db) * 4);
        assertEquals(-10f - clip / 4f, db, 1e-3, "the tile's value is one clip's level");
        return clip;
    }

    private static List<Batch> all(Iterator<Batch> epoch) {
        List<Batch> batches = new ArrayList<>();
        epoch.forEachRemaining(batches::add);
        return batches;
    }

    @Test
    void aClassBalancedEpochGivesEachClassHalfTheWindowsAndRepeatsMinorityWindowsEvenly() {
        TileSampler sampler = new TileSampler(ABSOLUTE, Augmentation.none());
        int[] perClass = new int[2];
        int[] perClip = new int[97];
        int total = 0;
        for (Batch batch : all(sampler.epoch(imbalanced(), 2, 32, true, new Random(1)))) {
            for (int i = 0; i < batch.count(); i++) {
                perClass[batch.target(i, 1) == 1f ? 1 : 0]++;
                perClip[clipOf(batch.tiles(), i, batch.tileSize())]++;
                total++;
            }
        }
        assertEquals(97 * 3, total, 1, "about as many windows as the data has");
        assertEquals(0.5, perClass[1] / (double) total, 0.01, Arrays.toString(perClass));
        // 146 draws over the minority's 24 windows: every clip 18..20 times (6 or 7 per window), none left out
        for (int clip = 89; clip < 97; clip++) {
            assertTrue(perClip[clip] >= 18 && perClip[clip] <= 21, "clip " + clip + ": " + perClip[clip]);
        }
    }

    @Test
    void aPlainEpochVisitsEveryGridWindowOnceInShuffledOrder() {
        TileSampler sampler = new TileSampler(ABSOLUTE, Augmentation.none());
        int[] perClip = new int[97];
        List<Integer> order = new ArrayList<>();
        TileSampler.Epoch epoch = sampler.epoch(imbalanced(), 2, 50, false, new Random(2));
        assertEquals(6, epoch.batchCount(), "known before any batch is cut");
        List<Batch> batches = all(epoch);
        assertEquals(6, epoch.batchCount(), "and after the last");
        for (Batch batch : batches) {
            for (int i = 0; i < batch.count(); i++) {
                int clip = clipOf(batch.tiles(), i, batch.tileSize());
                perClip[clip]++;
                order.add(clip);
            }
        }
        assertEquals(List.of(50, 50, 50, 50, 50, 41), batches.stream().map(Batch::count).toList());
        assertTrue(Arrays.stream(perClip).allMatch(n -> n == 3), Arrays.toString(perClip));
        List<Integer> sorted = new ArrayList<>(order);
        sorted.sort(null);
        assertFalse(order.equals(sorted), "shuffled");
    }

    @Test
    void noWindowComesFromAClipOutsideTheGivenList() {
        List<CachedClip> given = imbalanced().subList(80, 95);
        TileSampler sampler = new TileSampler(ABSOLUTE, new Augmentation(true, 0, 0, 0, 0, 0, 0, 0));
        for (boolean balanced : new boolean[] {false, true}) {
            for (Batch batch : all(sampler.epoch(given, 2, 16, balanced, new Random(3)))) {
                for (int i = 0; i < batch.count(); i++) {
                    int clip = clipOf(batch.tiles(), i, batch.tileSize());
                    assertTrue(clip >= 80 && clip < 95, "clip " + clip);
                    assertEquals(clip < 89 ? 1f : 0f, batch.target(i, 0));
                }
            }
        }
    }

    @Test
    void withoutAugmentationTheEpochHoldsExactlyTheInferenceGridTiles() {
        List<CachedClip> clips = new ArrayList<>();
        List<float[]> expected = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            CachedClip clip = SyntheticSpectra.random("r" + i, i % 2, THREE_WINDOWS + 40 * i, i);
            clips.add(clip);
            Tiles grid = new TileSampler(TILE_MAX, Augmentation.none()).evaluationTiles(clip);
            for (int t = 0; t < grid.count(); t++) {
                expected.add(grid.tile(t));
            }
        }
        List<float[]> seen = new ArrayList<>();
        for (Batch batch : all(new TileSampler(TILE_MAX, Augmentation.none()).epoch(clips, 2, 7, false,
                new Random(4)))) {
            for (int i = 0; i < batch.count(); i++) {
                seen.add(Arrays.copyOfRange(batch.tiles(), i * batch.tileSize(), (i + 1) * batch.tileSize()));
            }
        }
        assertEquals(expected.size(), seen.size());
        for (float[] tile : seen) {
            assertTrue(expected.removeIf(e -> Arrays.equals(e, tile)), "every sampled tile is a grid tile");
        }
        assertTrue(expected.isEmpty(), "and every grid tile is sampled");
    }

    @Test
    void randomOffsetsStartWindowsOffTheGrid() {
        CachedClip clip = SyntheticSpectra.random("r", 0, 400, 9);
        List<float[]> grid = new ArrayList<>();
        Tiles tiles = new TileSampler(TILE_MAX, Augmentation.none()).evaluationTiles(clip);
        for (int t = 0; t < tiles.count(); t++) {
            grid.add(tiles.tile(t));
        }
        Batch batch = new TileSampler(TILE_MAX, new Augmentation(true, 0, 0, 0, 0, 0, 0, 0))
                .epoch(List.of(clip), 1, 100, false, new Random(5)).next();
        int offGrid = 0;
        for (int i = 0; i < batch.count(); i++) {
            float[] tile = Arrays.copyOfRange(batch.tiles(), i * batch.tileSize(), (i + 1) * batch.tileSize());
            offGrid += grid.stream().anyMatch(g -> Arrays.equals(g, tile)) ? 0 : 1;
        }
        assertTrue(offGrid >= batch.count() - 2, offGrid + " of " + batch.count() + " off the grid");
    }

    @Test
    void evaluationTilesEqualExtractOfTheSamePcm() {
        TileExtractor extractor = new TileExtractor(TILE_MAX);
        float[] pcm = TestAudio.chord(new double[] {330, 990, 2500}, 4.3, 8_000, 0.5);
        CachedClip clip = new CachedClip(new LabeledClip(java.nio.file.Path.of("chord.wav"), "tones"), 0,
                extractor.spectrum(pcm));

        Tiles tiles = new TileSampler(TILE_MAX, Augmentation.standard()).evaluationTiles(clip);

        Tiles expected = extractor.extract(pcm);
        assertArrayEquals(expected.data(), tiles.data());
        assertArrayEquals(expected.startSeconds(), tiles.startSeconds());
    }

    @Test
    void theSameSeedGivesTheSameBatchesAndAnotherSeedDoesNot() {
        List<CachedClip> clips = List.of(SyntheticSpectra.random("a", 0, 300, 1), SyntheticSpectra.random("b", 1, 200, 2),
                SyntheticSpectra.random("c", 2, 150, 3));
        TileSampler sampler = new TileSampler(TILE_MAX, Augmentation.standard());

        List<Batch> first = all(sampler.epoch(clips, 3, 4, true, new Random(11)));
        List<Batch> again = all(sampler.epoch(clips, 3, 4, true, new Random(11)));
        List<Batch> other = all(sampler.epoch(clips, 3, 4, true, new Random(12)));

        assertEquals(first.size(), again.size());
        for (int b = 0; b < first.size(); b++) {
            assertArrayEquals(first.get(b).tiles(), again.get(b).tiles());
            assertArrayEquals(first.get(b).targets(), again.get(b).targets());
        }
        assertFalse(Arrays.equals(first.get(0).tiles(), other.get(0).tiles()));
    }

    @Test
    void labelsOutsideTheClassesAndEmptyListsAreRefused() {
        TileSampler sampler = new TileSampler(ABSOLUTE, Augmentation.none());
        List<CachedClip> clips = imbalanced();
        assertThrows(IllegalArgumentException.class, () -> sampler.epoch(clips, 1, 8, false, new Random(1)));
        assertThrows(IllegalArgumentException.class, () -> sampler.epoch(List.of(), 2, 8, false, new Random(1)));
        assertThrows(IllegalArgumentException.class, () -> sampler.epoch(clips, 2, 0, false, new Random(1)));
    }
}
