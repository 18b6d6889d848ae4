package org.genrelens.training.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroupedFoldsTest {

    /** Three genres of four artists each, every artist with 1 to 5 tracks. */
    private static List<LabeledClip> library() {
        Random random = new Random(3);
        List<LabeledClip> clips = new ArrayList<>();
        for (String genre : List.of("jazz", "metal", "techno")) {
            for (int artist = 0; artist < 4; artist++) {
                int tracks = 1 + random.nextInt(5);
                for (int t = 0; t < tracks; t++) {
                    clips.add(new LabeledClip(Path.of(genre, "artist" + artist, t + ".mp3"), genre,
                            genre + "-artist-" + artist));
                }
            }
        }
        return clips;
    }

    @Test
    void noArtistIsOnBothSidesAndEveryFoldHasEveryGenre() {
        List<LabeledClip> clips = library();

        List<List<LabeledClip>> folds = StratifiedFolds.split(clips, 3, 42);

        assertEquals(clips.size(), folds.stream().mapToInt(List::size).sum());
        assertEquals(new HashSet<>(clips), new HashSet<>(folds.stream().flatMap(List::stream).toList()));
        Map<String, Integer> foldOfArtist = new HashMap<>();
        for (int f = 0; f < folds.size(); f++) {
            for (LabeledClip clip : folds.get(f)) {
                Integer earlier = foldOfArtist.putIfAbsent(clip.group(), f);
                assertTrue(earlier == null || earlier == f, clip.group() + " is in folds " + earlier + " and " + f);
            }
            Set<String> genres = new HashSet<>(folds.get(f).stream().map(LabeledClip::genre).toList());
            assertEquals(Set.of("jazz", "metal", "techno"), genres, "fold " + f);
        }
        assertEquals(folds, StratifiedFolds.split(clips, 3, 42), "the same seed deals the same folds");
    }

    @Test
    void aGenreByOneArtistIsRefusedByName() {
        List<LabeledClip> clips = new ArrayList<>(library());
        clips.add(new LabeledClip(Path.of("polka", "a.mp3"), "polka", "the only polka band"));
        clips.add(new LabeledClip(Path.of("polka", "b.mp3"), "polka", "the only polka band"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StratifiedFolds.split(clips, 3, 42));

        assertTrue(e.getMessage().contains("genre 'polka' has tracks by only one artist"), e.getMessage());
    }

    @Test
    void clipsWithoutArtistsAreDealtOneByOneAsBefore() {
        List<LabeledClip> clips = library().stream().map(c -> new LabeledClip(c.file(), c.genre())).toList();

        List<List<LabeledClip>> folds = StratifiedFolds.split(clips, 3, 42);

        assertTrue(folds.stream().allMatch(fold -> Math.abs(fold.size() - clips.size() / 3.0) <= 3),
                "dealt round-robin within each genre: " + folds.stream().map(List::size).toList());
    }

    @Test
    void theEarlyStoppingSplitKeepsEachArtistOnOneSideToo() {
        List<LabeledClip> clips = library();

        DatasetSplit split = StratifiedSplit.split(clips, 0.25, 0.0, 7);

        Set<String> trainArtists = new HashSet<>(split.train().stream().map(LabeledClip::group).toList());
        assertTrue(split.valid().stream().noneMatch(clip -> trainArtists.contains(clip.group())),
                "an artist on both sides: " + split.valid());
        assertEquals(clips.size(), split.train().size() + split.valid().size());
        assertEquals(Set.of("jazz", "metal", "techno"), new HashSet<>(split.train().stream()
                .map(LabeledClip::genre).toList()), "every genre trains");
        assertTrue(!split.valid().isEmpty(), "something to stop on");
    }
}
