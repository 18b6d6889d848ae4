package org.genrelens.training.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * k-fold cross-validation by clip, stratified by genre: every clip lands in exactly one fold, so the windows
 * of one recording are never on both sides of a split. When clips carry a group (their artist), whole groups are
 * dealt instead, so no artist is on both sides either.
 */
public final class StratifiedFolds {

    private StratifiedFolds() {
    }

    /** The clips dealt into k folds, each genre spread evenly, shuffled with the seed. */
    public static List<List<LabeledClip>> split(List<LabeledClip> clips, int k, long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("k-fold needs k >= 2, got " + k);
        }
        if (clips.stream().anyMatch(clip -> clip.group() != null)) {
            return GroupedFolds.split(clips, k, seed);
        }
        Map<String, List<LabeledClip>> byGenre = new TreeMap<>();
        for (LabeledClip clip : clips) {
            byGenre.computeIfAbsent(clip.genre(), g -> new ArrayList<>()).add(clip);
        }
        List<List<LabeledClip>> folds = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            folds.add(new ArrayList<>());
        }
        Random random = new Random(seed);
        int next = 0;
        for (List<LabeledClip> genreClips : byGenre.values()) {
            if (genreClips.size() < k) {
                throw new IllegalArgumentException("genre '" + genreClips.get(0).genre() + "' has only "
                        + genreClips.size() + " clips; " + k + "-fold cross-validation needs at least " + k);
            }
            List<LabeledClip> shuffled = new ArrayList<>(genreClips);
            Collections.shuffle(shuffled, random);
            // continue dealing where the last genre stopped, so small genres do not all start in fold 0
            for (LabeledClip clip : shuffled) {
                folds.get(next).add(clip);
                next = (next + 1) % k;
            }
        }
        return folds.stream().map(List::copyOf).toList();
    }

    /** Every clip not in the given fold. */
    public static List<LabeledClip> allBut(List<List<LabeledClip>> folds, int held) {
        List<LabeledClip> rest = new ArrayList<>();
        for (int i = 0; i < folds.size(); i++) {
            if (i != held) {
                rest.addAll(folds.get(i));
            }
        }
        return rest;
    }
}
