package org.genrelens.training.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fault-filtered, artist-aware GTZAN split (Kereliuk et al. 2015, after Sturm's analysis of GTZAN's faults):
 * 443 train, 197 valid and 290 test clips, with repeated, distorted and mislabelled excerpts left out and each
 * artist on one side only. Accuracy on GTZAN is reported on its test side, never on a random split, where
 * the same artist or even the same recording sits on both sides.
 */
public final class GtzanFilteredSplit {

    /** The split's name in reports. */
    public static final String NAME = "gtzan-fault-filtered";

    private static final String RESOURCE_FOLDER = "splits/";

    /** The clips that are in one of the lists, and those that are in none (faulty, or not GTZAN's). */
    public record Assignment(DatasetSplit split, List<LabeledClip> unlisted) {
        public Assignment {
            Objects.requireNonNull(split, "split");
            unlisted = List.copyOf(unlisted);
        }
    }

    private GtzanFilteredSplit() {
    }

    /**
     * Assigns clips to the fault-filtered train/valid/test lists by "genre/genre.000NN", ignoring the extension
     * (.au in the original, .wav in Kaggle's copy); clips in no list are returned separately.
     */
    public static Assignment assign(List<LabeledClip> clips) {
        Map<String, String> sideByKey = Lists.SIDE_BY_KEY;
        List<LabeledClip> train = new ArrayList<>();
        List<LabeledClip> valid = new ArrayList<>();
        List<LabeledClip> test = new ArrayList<>();
        List<LabeledClip> unlisted = new ArrayList<>();
        for (LabeledClip clip : clips) {
            String side = sideByKey.get(keyOf(clip));
            if (side == null) {
                unlisted.add(clip);
            } else {
                switch (side) {
                    case "train" -> train.add(clip);
                    case "valid" -> valid.add(clip);
                    default -> test.add(clip);
                }
            }
        }
        return new Assignment(new DatasetSplit(NAME, train, valid, test), unlisted);
    }

    /** "genre/genre.000NN" of a clip: its genre folder and its file name without the extension. */
    static String keyOf(LabeledClip clip) {
        return clip.genre() + "/" + stem(clip.file().getFileName().toString());
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** The three lists, read once from the shipped resources. */
    private static final class Lists {
        static final Map<String, String> SIDE_BY_KEY = load();

        private static Map<String, String> load() {
            Map<String, String> sideByKey = new HashMap<>();
            for (String side : DatasetSplit.SIDES) {
                String resource = RESOURCE_FOLDER + side + "_filtered.txt";
                for (String line : readResource(resource)) {
                    String earlier = sideByKey.put(stem(line), side);
                    if (earlier != null) {
                        throw new IllegalStateException("the shipped split list " + resource + " repeats " + line
                                + " (also in " + earlier + "); the build's resources are damaged");
                    }
                }
            }
            return Map.copyOf(sideByKey);
        }

        private static List<String> readResource(String resource) {
            InputStream in = GtzanFilteredSplit.class.getResourceAsStream(resource);
            if (in == null) {
                throw new IllegalStateException("the split list " + resource + " is missing from the application's "
                        + "resources (org/genrelens/training/data/" + resource + "); rebuild or reinstall GenreLens");
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return reader.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the split list " + resource, e);
            }
        }
    }
}
