package org.genrelens.training.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.genrelens.features.DbReference;
import org.genrelens.features.FeatureSpec;
import org.genrelens.features.MelFilterbank;
import org.genrelens.features.TrackSpectrum;
import org.genrelens.training.data.CachedClip;
import org.junit.jupiter.api.Test;

class AugmentationTest {

    private static final FeatureSpec ABSOLUTE = SyntheticSpectra.smallSpec(DbReference.ABSOLUTE);
    private static final FeatureSpec TILE_MAX = SyntheticSpectra.smallSpec(DbReference.TILE_MAX);
    private static final int WIDTH = 62;
    private static final int HEIGHT = 32;

    /** One window per clip and no random offsets: tile i of a batch can be compared with the clip's only grid tile. */
    private static List<CachedClip> oneWindowClips(int count) {
        List<CachedClip> clips = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            clips.add(SyntheticSpectra.random("r" + i, 0, WIDTH, i));
        }
        return clips;
    }

    private static float[] tile(Batch batch, int i) {
        return Arrays.copyOfRange(batch.tiles(), i * batch.tileSize(), (i + 1) * batch.tileSize());
    }

    private static boolean rowIs(float[] tile, int row, float value) {
        for (int t = 0; t < WIDTH; t++) {
            if (tile[row * WIDTH + t] != value) {
                return false;
            }
        }
        return true;
    }

    @Test
    void lowPassPutsRowsAboveTheCutoffAtTheFloorAndRollsOffTheThreeRowsBelow() {
        // row 0 is the loudest, so the TILE_MAX reference does not move when upper rows are cut
        List<CachedClip> clips = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            CachedClip random = SyntheticSpectra.random("r" + i, 0, WIDTH, i);
            float[] db = random.spectrum().db().clone();
            Arrays.fill(db, 0, WIDTH, -5f);
            clips.add(new CachedClip(random.clip(), 0, new TrackSpectrum(db, 1, HEIGHT, WIDTH, false)));
        }
        double minHz = 1_500;
        double[] centres = Arrays.copyOfRange(MelFilterbank.bandEdgesHz(HEIGHT, 0, 4_000), 1, HEIGHT + 1);
        float floor = TileAugmenter.floorValue(TILE_MAX);
        TileSampler plain = new TileSampler(TILE_MAX, Augmentation.none());
        Batch batch = new TileSampler(TILE_MAX, new Augmentation(false, 0, 0, 0, 0, 1.0, minHz, 0))
                .epoch(clips, 1, 60, false, new Random(7)).next();

        Set<Integer> firstCutRows = new HashSet<>();
        for (int i = 0; i < batch.count(); i++) {
            float[] augmented = tile(batch, i);
            float[] original = null;
            for (CachedClip clip : clips) {
                float[] candidate = plain.evaluationTiles(clip).tile(0);
                if (Arrays.equals(Arrays.copyOf(candidate, WIDTH), Arrays.copyOf(augmented, WIDTH))
                        && rowsEqualBelow(candidate, augmented, 2)) {
                    original = candidate;
                }
            }
            assertTrue(original != null, "tile " + i + " keeps its clip's low rows");
            int firstCut = HEIGHT;
            while (firstCut > 0 && rowIs(augmented, firstCut - 1, floor)) {
                firstCut--;
            }
            firstCutRows.add(firstCut);
            assertTrue(firstCut == HEIGHT || centres[firstCut] > minHz, "cut row " + firstCut + " is above minLowPassHz");
            for (int r = 0; r < firstCut; r++) {
                for (int t = 0; t < WIDTH; t++) {
                    float before = original[r * WIDTH + t];
                    float after = augmented[r * WIDTH + t];
                    if (firstCut == HEIGHT || r < firstCut - TileAugmenter.ROLL_OFF_BANDS) {
                        assertEquals(before, after, "row " + r + " far below the cutoff is untouched");
                    } else {
                        assertTrue(after < before || after == floor, "row " + r + " rolls off");
                    }
                }
            }
        }
        assertTrue(firstCutRows.size() >= 5, "the cutoff varies: " + firstCutRows);
        assertTrue(firstCutRows.stream().anyMatch(r -> r < HEIGHT - 5), "and cuts rows: " + firstCutRows);
    }

    private static boolean rowsEqualBelow(float[] a, float[] b, int rows) {
        return Arrays.equals(Arrays.copyOf(a, rows * WIDTH), Arrays.copyOf(b, rows * WIDTH));
    }

    @Test
    void timeMasksSetAtMostTheirWidthOfWholeColumnsToTheFloor() {
        List<CachedClip> clips = oneWindowClips(40);
        TileSampler plain = new TileSampler(TILE_MAX, Augmentation.none());
        Batch batch = new TileSampler(TILE_MAX, new Augmentation(false, 1, 10, 0, 0, 0, 0, 0))
                .epoch(clips, 1, 40, false, new Random(3)).next();
        float floor = TileAugmenter.floorValue(TILE_MAX);
        int masked = 0;
        for (int i = 0; i < batch.count(); i++) {
            float[] augmented = tile(batch, i);
            float[] original = matching(plain, clips, augmented);
            Set<Integer> changedColumns = new HashSet<>();
            for (int r = 0; r < HEIGHT; r++) {
                for (int t = 0; t < WIDTH; t++) {
                    if (augmented[r * WIDTH + t] != original[r * WIDTH + t]) {
                        assertEquals(floor, augmented[r * WIDTH + t]);
                        changedColumns.add(t);
                    }
                }
            }
            assertTrue(changedColumns.size() <= 10, "at most 10 frames: " + changedColumns);
            for (int t : changedColumns) {
                for (int r = 0; r < HEIGHT; r++) {
                    assertEquals(floor, augmented[r * WIDTH + t], "a masked frame is masked in every row");
                }
            }
            masked += changedColumns.isEmpty() ? 0 : 1;
        }
        assertTrue(masked > 30, masked + " of 40 tiles masked");
    }

    @Test
    void frequencyMasksSetAtMostTheirHeightOfWholeRowsToTheFloor() {
        List<CachedClip> clips = oneWindowClips(40);
        TileSampler plain = new TileSampler(TILE_MAX, Augmentation.none());
        Batch batch = new TileSampler(TILE_MAX, new Augmentation(false, 0, 0, 1, 6, 0, 0, 0))
                .epoch(clips, 1, 40, false, new Random(4)).next();
        float floor = TileAugmenter.floorValue(TILE_MAX);
        int masked = 0;
        for (int i = 0; i < batch.count(); i++) {
            float[] augmented = tile(batch, i);
            float[] original = matching(plain, clips, augmented);
            int changedRows = 0;
            for (int r = 0; r < HEIGHT; r++) {
                float[] row = Arrays.copyOfRange(augmented, r * WIDTH, (r + 1) * WIDTH);
                if (!Arrays.equals(row, Arrays.copyOfRange(original, r * WIDTH, (r + 1) * WIDTH))) {
                    assertTrue(rowIs(augmented, r, floor), "a masked row is masked in every frame");
                    changedRows++;
                }
            }
            assertTrue(changedRows <= 6, changedRows + " rows");
            masked += changedRows > 0 ? 1 : 0;
        }
        assertTrue(masked > 25, masked + " of 40 tiles masked");
    }

    /** The clip's grid tile that agrees with the augmented tile in most cells. */
    private static float[] matching(TileSampler plain, List<CachedClip> clips, float[] augmented) {
        float[] best = null;
        int bestSame = -1;
        for (CachedClip clip : clips) {
            float[] candidate = plain.evaluationTiles(clip).tile(0);
            int same = 0;
            for (int k = 0; k < candidate.length; k++) {
                same += candidate[k] == augmented[k] ? 1 : 0;
            }
            if (same > bestSame) {
                bestSame = same;
                best = candidate;
            }
        }
        assertTrue(bestSame > augmented.length / 2, "most of the tile is its clip's");
        return best;
    }

    @Test
    void mixupBlendsTilesAndTargetsOfTwoClassesWithTheSameWeights() {
        // class 0 clips are constant at -10 dB, class 1 at -50 dB: a mixed tile's value shows its weights
        List<CachedClip> clips = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            clips.add(SyntheticSpectra.constant("c" + i, i % 2, i % 2 == 0 ? -10f : -50f, WIDTH));
        }
        float a = SyntheticSpectra.normalised(ABSOLUTE, -10f);
        float b = SyntheticSpectra.normalised(ABSOLUTE, -50f);
        Batch batch = new TileSampler(ABSOLUTE, new Augmentation(false, 0, 0, 0, 0, 0, 0, 0.4))
                .epoch(clips, 2, 20, false, new Random(8)).next();
        int blended = 0;
        for (int i = 0; i < batch.count(); i++) {
            float w0 = batch.target(i, 0);
            float w1 = batch.target(i, 1);
            assertEquals(1.0, w0 + w1, 1e-6, "targets sum to 1");
            assertTrue(w0 >= 0 && w1 >= 0);
            for (float v : tile(batch, i)) {
                assertEquals(w0 * a + w1 * b, v, 1e-4, "the tile is mixed with the target's weights");
            }
            blended += w0 > 0.01 && w1 > 0.01 ? 1 : 0;
        }
        assertTrue(blended >= 3, blended + " tiles blend two classes");
    }

    @Test
    void gainShiftsAbsoluteTilesAndLeavesTileMaxTilesAlone() {
        List<CachedClip> clips = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            clips.add(SyntheticSpectra.constant("c" + i, 0, -30f, WIDTH));
        }
        Augmentation gain = new Augmentation(false, 0, 0, 0, 0, 0, 0, 0, 6.0);
        Batch absolute = new TileSampler(ABSOLUTE, gain).epoch(clips, 1, 30, false, new Random(9)).next();
        Set<Float> levels = new HashSet<>();
        for (int i = 0; i < absolute.count(); i++) {
            float v = absolute.tiles()[i * absolute.tileSize()];
            double db = v * ABSOLUTE.normStd() + ABSOLUTE.normMean();
            assertTrue(db >= -36 - 1e-4 && db <= -24 + 1e-4, "within 6 dB of -30: " + db);
            levels.add(v);
        }
        assertTrue(levels.size() > 20, "each tile draws its own gain");

        List<CachedClip> random = oneWindowClips(10);
        Batch tileMax = new TileSampler(TILE_MAX, gain).epoch(random, 1, 10, false, new Random(9)).next();
        Batch plain = new TileSampler(TILE_MAX, Augmentation.none()).epoch(random, 1, 10, false, new Random(9)).next();
        assertArrayEquals(plain.tiles(), tileMax.tiles(), "a TILE_MAX tile does not depend on gain");
    }

    @Test
    void betaDrawsStayInsideZeroToOneAndCentreOnAHalf() {
        Random random = new Random(1);
        double sum = 0;
        int extreme = 0;
        for (int i = 0; i < 20_000; i++) {
            double lambda = Mixup.beta(0.2, random);
            assertTrue(lambda >= 0 && lambda <= 1 && !Double.isNaN(lambda));
            sum += lambda;
            extreme += lambda < 0.05 || lambda > 0.95 ? 1 : 0;
        }
        assertEquals(0.5, sum / 20_000, 0.02);
        // Beta(0.2, 0.2) puts about 58% of its mass within 0.05 of either end
        assertEquals(0.58, extreme / 20_000.0, 0.04);
    }

    @Test
    void noneIsTheInferenceGridAndInvalidSettingsAreRefused() {
        assertTrue(Augmentation.none().isNone());
        assertFalse(Augmentation.none().randomOffsets());
        assertFalse(Augmentation.standard().isNone());
        assertEquals(0.0, new Augmentation(true, 1, 2, 3, 4, 0.5, 100, 0.2).maxGainDb());
        assertThrows(IllegalArgumentException.class, () -> new Augmentation(false, -1, 0, 0, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Augmentation(false, 0, 0, 0, 0, 1.5, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Augmentation(false, 0, 0, 0, 0, 0, 0, -0.1));
        assertThrows(IllegalArgumentException.class, () -> new Augmentation(false, 0, 0, 0, 0, 0, 0, 0, -1));
    }

    @Test
    void partsSwitchOnOnlyTheNamedAugmentations() {
        Augmentation offsets = Augmentation.parts(java.util.List.of("offsets"));
        org.junit.jupiter.api.Assertions.assertTrue(offsets.randomOffsets());
        org.junit.jupiter.api.Assertions.assertEquals(0, offsets.timeMasks());
        org.junit.jupiter.api.Assertions.assertEquals(0.0, offsets.mixupAlpha());
        org.junit.jupiter.api.Assertions.assertEquals(Augmentation.none(), Augmentation.parts(java.util.List.of("none")));
        org.junit.jupiter.api.Assertions.assertEquals(Augmentation.standard(), Augmentation.parts(
                java.util.List.of("offsets", "masks", "lowpass", "mixup", "gain")));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Augmentation.parts(java.util.List.of("reverb")));
    }
}
