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

class StratifiedFoldsTest {

    private static List<LabeledClip> clips(String genre, int count) {
        List<LabeledClip> clips = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            clips.add(new LabeledClip(Path.of(genre, genre + "." + i + ".wav"), genre));
        }
        return clips;
    }

    @Test
    void everyClipLandsInExactlyOneFold() {
        List<LabeledClip> all = new ArrayList<>(clips("classical", 89));
        all.addAll(clips("metal", 8));
        all.addAll(clips("pop", 8));

        List<List<LabeledClip>> folds = StratifiedFolds.split(all, 5, 42L);

        Set<LabeledClip> seen = new HashSet<>();
        for (List<LabeledClip> fold : folds) {
            for (LabeledClip clip : fold) {
                assertTrue(seen.add(clip), clip + " is in two folds");
            }
        }
        assertEquals(new HashSet<>(all), seen);
        for (int f = 0; f < folds.size(); f++) {
            Set<LabeledClip> training = new HashSet<>(StratifiedFolds.allBut(folds, f));
            for (LabeledClip held : folds.get(f)) {
                assertTrue(!training.contains(held), held + " is on both sides of fold " + f);
            }
        }
    }

    @Test
    void eachFoldHoldsEveryGenreInProportion() {
        List<LabeledClip> all = new ArrayList<>(clips("classical", 89));
        all.addAll(clips("metal", 8));

        for (List<LabeledClip> fold : StratifiedFolds.split(all, 5, 1L)) {
            long metal = fold.stream().filter(c -> c.genre().equals("metal")).count();
            long classical = fold.size() - metal;
            assertTrue(metal >= 1 && metal <= 2, "metal per fold: " + metal);
            assertTrue(classical >= 17 && classical <= 18, "classical per fold: " + classical);
        }
    }

    @Test
    void theSameSeedGivesTheSameFoldsAndAnotherSeedOthers() {
        List<LabeledClip> all = clips("jazz", 20);
        assertEquals(StratifiedFolds.split(all, 4, 7L), StratifiedFolds.split(all, 4, 7L));
        assertTrue(!StratifiedFolds.split(all, 4, 7L).equals(StratifiedFolds.split(all, 4, 8L)));
    }

    @Test
    void aGenreWithFewerClipsThanFoldsIsRefusedByName() {
        List<LabeledClip> all = new ArrayList<>(clips("classical", 20));
        all.addAll(clips("disco", 3));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StratifiedFolds.split(all, 5, 42L));
        assertTrue(e.getMessage().contains("disco"), e.getMessage());
    }
}
