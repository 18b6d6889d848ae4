package org.genrelens.training.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StratifiedSplitTest {

    private static List<LabeledClip> clips(String genre, int count) {
        List<LabeledClip> clips = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            clips.add(new LabeledClip(Path.of(genre, genre + "." + i + ".wav"), genre));
        }
        return clips;
    }

    private static List<LabeledClip> subsetLike() {
        List<LabeledClip> all = new ArrayList<>(clips("classical", 89));
        all.addAll(clips("metal", 8));
        all.addAll(clips("pop", 3));
        return all;
    }

    @Test
    void everyClipIsOnExactlyOneSide() {
        List<LabeledClip> all = subsetLike();

        for (long seed = 0; seed < 20; seed++) {
            DatasetSplit split = StratifiedSplit.split(all, 0.15, 0.15, seed);
            Set<LabeledClip> seen = new HashSet<>();
            split.all().forEach(clip -> assertTrue(seen.add(clip), clip + " is on two sides"));
            assertEquals(new HashSet<>(all), seen);
        }
    }

    @Test
    void everyGenreIsOnEverySideEvenWithThreeClips() {
        DatasetSplit split = StratifiedSplit.split(subsetLike(), 0.15, 0.15, 42L);

        for (String side : DatasetSplit.SIDES) {
            Set<String> genres = new HashSet<>();
            split.side(side).forEach(clip -> genres.add(clip.genre()));
            assertEquals(Set.of("classical", "metal", "pop"), genres, side);
        }
        long classicalTest = split.test().stream().filter(c -> c.genre().equals("classical")).count();
        assertEquals(13, classicalTest, "15 % of 89, rounded");
    }

    @Test
    void theSameSeedGivesTheSameSplitAndTheNameSaysHowItWasMade() {
        DatasetSplit first = StratifiedSplit.split(subsetLike(), 0.2, 0.1, 7L);

        assertEquals(first, StratifiedSplit.split(subsetLike(), 0.2, 0.1, 7L));
        assertEquals("stratified-random(valid=0.2,test=0.1,seed=7)", first.name());
    }

    @Test
    void aGenreOfTwoClipsKeepsOneForTraining() {
        DatasetSplit split = StratifiedSplit.split(clips("tiny", 2), 0.5, 0.4, 1L);

        assertEquals(1, split.train().size());
        assertEquals(2, split.all().size());
    }

    @Test
    void fractionsThatLeaveNothingForTrainingAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> StratifiedSplit.split(subsetLike(), 0.5, 0.5, 1L));
        assertThrows(IllegalArgumentException.class, () -> StratifiedSplit.split(subsetLike(), -0.1, 0.2, 1L));
    }
}
