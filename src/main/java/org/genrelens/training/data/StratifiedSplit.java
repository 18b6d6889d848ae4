package org.genrelens.training.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A random train/valid/test split by clip, stratified by genre: each genre is shuffled and divided in the
 * given proportions, so every side keeps the genre mix. For data without a curated split (a user's library);
 * on GTZAN use {@link GtzanFilteredSplit}, since a random split puts one artist on several sides. Clips that carry
 * a group (their artist) are split by whole groups instead, so no artist is on two sides.
 */
public final class StratifiedSplit {

    private StratifiedSplit() {
    }

    /**
     * Splits by clip, per genre, with at least one clip on each side (whose fraction is above zero) when the
     * genre has three clips or more; a smaller genre gets what its fractions round to. Training always keeps
     * at least one clip of every genre.
     */
    public static DatasetSplit split(List<LabeledClip> clips, double validFraction, double testFraction, long seed) {
        if (!(validFraction >= 0 && testFraction >= 0 && validFraction + testFraction < 1)) {
            throw new IllegalArgumentException("valid and test fractions must be >= 0 and leave clips for training, "
                    + "got valid=" + validFraction + ", test=" + testFraction);
        }
        if (clips.stream().anyMatch(clip -> clip.group() != null)) {
            return GroupedSplit.split(clips, validFraction, testFraction, seed);
        }
        Map<String, List<LabeledClip>> byGenre = new TreeMap<>();
        for (LabeledClip clip : clips) {
            byGenre.computeIfAbsent(clip.genre(), g -> new ArrayList<>()).add(clip);
        }
        Random random = new Random(seed);
        List<LabeledClip> train = new ArrayList<>();
        List<LabeledClip> valid = new ArrayList<>();
        List<LabeledClip> test = new ArrayList<>();
        for (List<LabeledClip> genreClips : byGenre.values()) {
            List<LabeledClip> shuffled = new ArrayList<>(genreClips);
            Collections.shuffle(shuffled, random);
            int n = shuffled.size();
            int nTest = sideSize(n, testFraction);
            int nValid = sideSize(n, validFraction);
            // training keeps at least one clip; the larger held-out side gives way first
            while (nTest + nValid > n - 1) {
                if (nValid >= nTest && nValid > 0) {
                    nValid--;
                } else {
                    nTest--;
                }
            }
            test.addAll(shuffled.subList(0, nTest));
            valid.addAll(shuffled.subList(nTest, nTest + nValid));
            train.addAll(shuffled.subList(nTest + nValid, n));
        }
        String name = "stratified-random(valid=" + validFraction + ",test=" + testFraction + ",seed=" + seed + ")";
        return new DatasetSplit(name, train, valid, test);
    }

    private static int sideSize(int clips, double fraction) {
        if (fraction == 0) {
            return 0;
        }
        int size = (int) Math.round(clips * fraction);
        return clips >= 3 ? Math.max(1, size) : size;
    }
}
