package org.genrelens.training.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Clips divided into train, valid and test sides, always by clip: the windows of one recording never end up on
 * two sides, which would leak the recording into the score.
 *
 * @param name how the split was made, e.g. {@code gtzan-fault-filtered} or
 *             {@code stratified-random(valid=0.15,test=0.15,seed=42)}; reports name it
 */
public record DatasetSplit(String name, List<LabeledClip> train, List<LabeledClip> valid, List<LabeledClip> test) {

    /** The side names, in the order of the record. */
    public static final List<String> SIDES = List.of("train", "valid", "test");

    public DatasetSplit {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a split needs a name that says how it was made");
        }
        train = List.copyOf(train);
        valid = List.copyOf(valid);
        test = List.copyOf(test);
        Map<Path, String> sideOf = new HashMap<>();
        List<List<LabeledClip>> sides = List.of(train, valid, test);
        for (int s = 0; s < sides.size(); s++) {
            for (LabeledClip clip : sides.get(s)) {
                String earlier = sideOf.putIfAbsent(clip.file().toAbsolutePath().normalize(), SIDES.get(s));
                if (earlier != null) {
                    throw new IllegalArgumentException("split '" + name + "' puts " + clip.file() + " on "
                            + (earlier.equals(SIDES.get(s)) ? "its " + earlier + " side twice"
                                    : "both its " + earlier + " and " + SIDES.get(s) + " sides")
                            + "; a clip must be on exactly one side");
                }
            }
        }
    }

    /** One side by name: train, valid or test. */
    public List<LabeledClip> side(String side) {
        return switch (side.toLowerCase(Locale.ROOT)) {
            case "train" -> train;
            case "valid" -> valid;
            case "test" -> test;
            default -> throw new IllegalArgumentException("a split has the sides train, valid and test, not '"
                    + side + "'");
        };
    }

    /** Every clip of the split: train, then valid, then test. */
    public List<LabeledClip> all() {
        List<LabeledClip> all = new ArrayList<>(train);
        all.addAll(valid);
        all.addAll(test);
        return List.copyOf(all);
    }
}
