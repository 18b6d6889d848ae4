package org.genrelens.training.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.genrelens.testing.SharedData;
import org.junit.jupiter.api.Test;

class GtzanFilteredSplitTest {

    private static final List<String> GTZAN = List.of("blues", "classical", "country", "disco", "hiphop", "jazz",
            "metal", "pop", "reggae", "rock");

    @Test
    void theRealSubsetSplits76Train49Valid30TestAndLeaves6Unlisted() throws IOException {
        List<LabeledClip> clips = FolderDataset.scan(SharedData.gtzanGenres(), Set.of("au", "wav"));

        GtzanFilteredSplit.Assignment assignment = GtzanFilteredSplit.assign(clips);

        DatasetSplit split = assignment.split();
        assertEquals("gtzan-fault-filtered", split.name());
        assertEquals(76, split.train().size());
        assertEquals(49, split.valid().size());
        assertEquals(30, split.test().size());
        assertEquals(6, assignment.unlisted().size(), assignment.unlisted().toString());
        Set<LabeledClip> seen = new HashSet<>();
        split.all().forEach(clip -> assertTrue(seen.add(clip), clip + " is on two sides"));
        assignment.unlisted().forEach(clip -> assertTrue(seen.add(clip), clip + " is listed and unlisted"));
        assertEquals(new HashSet<>(clips), seen, "every clip is accounted for exactly once");
    }

    @Test
    void theShippedListsHold443Train197Valid290TestOfTheFull1000() {
        List<LabeledClip> full = new ArrayList<>();
        for (String genre : GTZAN) {
            for (int i = 0; i < 100; i++) {
                full.add(new LabeledClip(Path.of("genres", genre, String.format("%s.%05d.au", genre, i)), genre));
            }
        }

        GtzanFilteredSplit.Assignment assignment = GtzanFilteredSplit.assign(full);

        assertEquals(443, assignment.split().train().size());
        assertEquals(197, assignment.split().valid().size());
        assertEquals(290, assignment.split().test().size());
        assertEquals(70, assignment.unlisted().size(), "the faulty clips are in no list");
    }

    @Test
    void kaggleWavNamesMapLikeTheOriginalAuNames() {
        LabeledClip au = new LabeledClip(Path.of("gtzan", "genres", "blues", "blues.00012.au"), "blues");
        LabeledClip wav = new LabeledClip(Path.of("kaggle", "genres_original", "blues", "blues.00012.wav"), "blues");

        DatasetSplit fromAu = GtzanFilteredSplit.assign(List.of(au)).split();
        DatasetSplit fromWav = GtzanFilteredSplit.assign(List.of(wav)).split();

        assertEquals(List.of(au), fromAu.test());
        assertEquals(List.of(wav), fromWav.test());
    }

    @Test
    void clipsThatAreNotGtzansAreUnlisted() {
        LabeledClip mine = new LabeledClip(Path.of("library", "blues", "Crossroads.mp3"), "blues");
        LabeledClip wrongFolder = new LabeledClip(Path.of("library", "rock", "blues.00012.wav"), "rock");

        GtzanFilteredSplit.Assignment assignment = GtzanFilteredSplit.assign(List.of(mine, wrongFolder));

        assertTrue(assignment.split().all().isEmpty());
        assertEquals(List.of(mine, wrongFolder), assignment.unlisted());
    }
}
