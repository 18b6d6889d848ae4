package org.genrelens.training.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A train/valid/test split by whole groups (artists): groups are shuffled and each goes to the held-out side whose
 * share of the group's main genre is furthest below its target, else to training. Every genre keeps at least one
 * group in training, and a genre with more groups gives the validation side (then the test side) one. A clip
 * without a group is a group of its own.
 */
final class GroupedSplit {

    private GroupedSplit() {
    }

    static DatasetSplit split(List<LabeledClip> clips, double validFraction, double testFraction, long seed) {
        Map<String, List<LabeledClip>> groups = new TreeMap<>();
        Map<String, Integer> genreTotals = new HashMap<>();
        for (LabeledClip clip : clips) {
            groups.computeIfAbsent(clip.groupKey(), g -> new ArrayList<>()).add(clip);
            genreTotals.merge(clip.genre(), 1, Integer::sum);
        }
        List<List<LabeledClip>> order = new ArrayList<>(groups.values());
        Collections.shuffle(order, new Random(seed));
        Map<String, Integer> inValid = new HashMap<>();
        Map<String, Integer> inTest = new HashMap<>();
        Map<String, Integer> inTrain = new HashMap<>();
        List<LabeledClip> train = new ArrayList<>();
        List<LabeledClip> valid = new ArrayList<>();
        List<LabeledClip> test = new ArrayList<>();
        for (List<LabeledClip> group : order) {
            String genre = group.get(0).genre();
            int total = genreTotals.get(genre);
            // the first group of each genre trains, so no genre is missing from training
            if (inTrain.getOrDefault(genre, 0) == 0) {
                add(group, train, inTrain);
                continue;
            }
            double testGap = testFraction * total - inTest.getOrDefault(genre, 0);
            double validGap = validFraction * total - inValid.getOrDefault(genre, 0);
            // a held-out side that is asked for gets at least one group of every genre with a second group
            boolean testEmpty = testFraction > 0 && inTest.getOrDefault(genre, 0) == 0;
            boolean validEmpty = validFraction > 0 && inValid.getOrDefault(genre, 0) == 0;
            if (testFraction > 0 && (testGap >= group.size() / 2.0 && testGap >= validGap || testEmpty
                    && !validEmpty)) {
                add(group, test, inTest);
            } else if (validFraction > 0 && (validGap >= group.size() / 2.0 || validEmpty)) {
                add(group, valid, inValid);
            } else {
                add(group, train, inTrain);
            }
        }
        String name = "grouped-random(valid=" + validFraction + ",test=" + testFraction + ",seed=" + seed + ")";
        return new DatasetSplit(name, train, valid, test);
    }

    private static void add(List<LabeledClip> group, List<LabeledClip> side, Map<String, Integer> counts) {
        side.addAll(group);
        for (LabeledClip clip : group) {
            counts.merge(clip.genre(), 1, Integer::sum);
        }
    }
}
