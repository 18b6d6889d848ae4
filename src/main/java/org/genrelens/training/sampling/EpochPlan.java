package org.genrelens.training.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Which windows one epoch visits, in order: entry {@code e} is grid window {@code windows[e]} of clip
 * {@code clips[e]}. Plain epochs visit every grid window once; class-balanced epochs give every class present the
 * same share by cycling through each class's windows in fresh shuffled passes, so a minority clip's windows repeat
 * evenly rather than by chance.
 */
record EpochPlan(int[] clips, int[] windows) {

    int size() {
        return clips.length;
    }

    /** @param windowCounts grid windows per clip; the epoch has about their sum in all */
    static EpochPlan of(int[] labels, int[] windowCounts, int classes, boolean classBalanced, Random random) {
        List<List<long[]>> byClass = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            byClass.add(new ArrayList<>());
        }
        int total = 0;
        for (int i = 0; i < labels.length; i++) {
            for (int w = 0; w < windowCounts[i]; w++) {
                byClass.get(labels[i]).add(new long[] {i, w});
            }
            total += windowCounts[i];
        }
        List<long[]> chosen = new ArrayList<>(total);
        if (classBalanced) {
            long present = byClass.stream().filter(list -> !list.isEmpty()).count();
            int perClass = (int) Math.max(1, Math.round((double) total / present));
            for (List<long[]> windows : byClass) {
                for (int taken = 0; !windows.isEmpty() && taken < perClass; ) {
                    int[] order = Mixup.permutation(windows.size(), random);
                    for (int j = 0; j < order.length && taken < perClass; j++, taken++) {
                        chosen.add(windows.get(order[j]));
                    }
                }
            }
        } else {
            byClass.forEach(chosen::addAll);
        }
        int[] order = Mixup.permutation(chosen.size(), random);
        int[] clips = new int[chosen.size()];
        int[] windows = new int[chosen.size()];
        for (int e = 0; e < order.length; e++) {
            long[] entry = chosen.get(order[e]);
            clips[e] = (int) entry[0];
            windows[e] = (int) entry[1];
        }
        return new EpochPlan(clips, windows);
    }
}
