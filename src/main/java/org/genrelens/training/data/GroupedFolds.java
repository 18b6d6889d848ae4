package org.genrelens.training.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * k folds of whole groups (artists): a group's clips all land in one fold. Groups are dealt largest first, each to the
 * fold that holds the fewest clips of the group's main genre so far, so genres stay spread as evenly as whole
 * artists allow. A clip without a group is a group of its own.
 */
final class GroupedFolds {

    private GroupedFolds() {
    }

    static List<List<LabeledClip>> split(List<LabeledClip> clips, int k, long seed) {
        Map<String, List<LabeledClip>> groups = new TreeMap<>();
        for (LabeledClip clip : clips) {
            groups.computeIfAbsent(clip.groupKey(), g -> new ArrayList<>()).add(clip);
        }
        requireTwoGroupsPerGenre(groups.values());
        List<List<LabeledClip>> order = new ArrayList<>(groups.values());
        Collections.shuffle(order, new Random(seed));
        order.sort(Comparator.comparingInt((List<LabeledClip> group) -> group.size()).reversed());
        List<List<LabeledClip>> folds = new ArrayList<>();
        List<Map<String, Integer>> genreCounts = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            folds.add(new ArrayList<>());
            genreCounts.add(new HashMap<>());
        }
        for (List<LabeledClip> group : order) {
            String genre = mainGenre(group);
            int best = 0;
            for (int f = 1; f < k; f++) {
                int here = genreCounts.get(f).getOrDefault(genre, 0);
                int there = genreCounts.get(best).getOrDefault(genre, 0);
                if (here < there || here == there && folds.get(f).size() < folds.get(best).size()) {
                    best = f;
                }
            }
            folds.get(best).addAll(group);
            for (LabeledClip clip : group) {
                genreCounts.get(best).merge(clip.genre(), 1, Integer::sum);
            }
        }
        return folds.stream().map(List::copyOf).toList();
    }

    private static String mainGenre(List<LabeledClip> group) {
        Map<String, Long> counts = group.stream().collect(Collectors.groupingBy(LabeledClip::genre, TreeMap::new,
                Collectors.counting()));
        return Collections.max(counts.entrySet(), Map.Entry.comparingByValue()).getKey();
    }

    /** A genre whose clips all come from one artist cannot be tested on an artist it was not learned from. */
    private static void requireTwoGroupsPerGenre(java.util.Collection<List<LabeledClip>> groups) {
        Map<String, Set<Integer>> groupsByGenre = new LinkedHashMap<>();
        int index = 0;
        for (List<LabeledClip> group : groups) {
            for (LabeledClip clip : group) {
                groupsByGenre.computeIfAbsent(clip.genre(), g -> new TreeSet<>()).add(index);
            }
            index++;
        }
        groupsByGenre.forEach((genre, members) -> {
            if (members.size() < 2) {
                throw new IllegalArgumentException("genre '" + genre + "' has tracks by only one artist; "
                        + "cross-validation by artist needs at least two artists per genre (leave it out, or add "
                        + "another artist's tracks)");
            }
        });
    }
}
