package org.genrelens.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Familiarity (issue 12 item 6): its threshold keeps the asked share of unseen music of the known genres familiar,
 * and music of a genre it never saw is unfamiliar; the card's copy measures the same.
 */
class FamiliarityTest {

    private static final int WIDTH = 12;

    @Test
    void theQuantileIsTheShareOfUnseenKnownMusicKeptFamiliar() {
        Random random = new Random(3);
        float[][] centres = centres(random, 4);
        List<float[]> training = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            training.add(near(centres[i % 3], random));
            labels.add(i % 3);
        }
        Familiarity familiarity = Familiarity.fit(training, labels.stream().mapToInt(Integer::intValue).toArray(), 3,
                0.8);

        int familiar = 0;
        int unknownFamiliar = 0;
        for (int i = 0; i < 600; i++) {
            familiar += familiarity.familiar(near(centres[i % 3], random)) ? 1 : 0;
            unknownFamiliar += familiarity.familiar(near(centres[3], random)) ? 1 : 0;
        }
        assertEquals(0.8, familiar / 600.0, 0.06, "unseen tracks of the known genres kept familiar");
        assertEquals(0, unknownFamiliar, "tracks of a fourth genre");

        Familiarity fromCard = Familiarity.fromMap(familiarity.toMap());
        float[] probe = near(centres[1], random);
        assertEquals(familiarity.distance(probe), fromCard.distance(probe), 1e-6);
        assertEquals(familiarity.threshold(), fromCard.threshold(), 1e-12);
    }

    @Test
    void oneTrackPerGenreLeavesNothingUnseenToCalibrateOn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Familiarity.fit(
                List.of(new float[] {0, 1}, new float[] {5, 5}), new int[] {0, 1}, 2, 0.8));
        assertEquals("no genre has two tracks: nothing unseen to calibrate familiarity on", e.getMessage());
    }

    @Test
    void anEmbeddingOfAnotherWidthIsRefused() {
        Familiarity familiarity = new Familiarity(new float[][] {{0, 0}}, new float[] {1, 1}, 1, 0.8);
        assertThrows(IllegalArgumentException.class, () -> familiarity.distance(new float[3]));
        assertFalse(familiarity.familiar(new float[] {5, 5}));
    }

    private static float[][] centres(Random random, int count) {
        float[][] out = new float[count][WIDTH];
        for (float[] centre : out) {
            for (int j = 0; j < WIDTH; j++) {
                centre[j] = (float) (4 * random.nextGaussian());
            }
        }
        return out;
    }

    private static float[] near(float[] centre, Random random) {
        float[] out = new float[WIDTH];
        for (int j = 0; j < WIDTH; j++) {
            out[j] = (float) (centre[j] + random.nextGaussian());
        }
        return out;
    }
}
