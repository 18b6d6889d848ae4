package org.genrelens.training.data;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.genrelens.features.FeatureSpec;

/**
 * The spectra of a dataset's clips under one {@link FeatureSpec}, computed once for every epoch, fold and trial.
 *
 * @param labels  the genres, in label-index order
 * @param clips   the clips that could be read, in the order they were given
 * @param skipped why each unreadable clip was left out (file named), for the model card
 */
public record CachedDataset(FeatureSpec spec, List<String> labels, List<CachedClip> clips, List<String> skipped) {

    public CachedDataset {
        Objects.requireNonNull(spec, "spec");
        labels = List.copyOf(labels);
        clips = List.copyOf(clips);
        skipped = List.copyOf(skipped);
        for (CachedClip clip : clips) {
            if (clip.label() >= labels.size()) {
                throw new IllegalArgumentException("the label " + clip.label() + " of " + clip.clip().file()
                        + " is outside the " + labels.size() + " labels " + labels);
            }
        }
    }

    /** The loaded clips without their spectra, e.g. for {@link StratifiedFolds}. */
    public List<LabeledClip> labeledClips() {
        return clips.stream().map(CachedClip::clip).toList();
    }

    /**
     * The same spectra for a fold or split, in this dataset's order; nothing is recomputed or copied.
     *
     * @throws IllegalArgumentException when {@code keep} names a clip this dataset does not hold (a skipped clip, or
     *                                  one from another dataset): build folds from {@link #labeledClips()}
     */
    public CachedDataset subset(Collection<LabeledClip> keep) {
        Set<LabeledClip> wanted = new HashSet<>(keep);
        List<CachedClip> kept = clips.stream().filter(c -> wanted.contains(c.clip())).toList();
        if (kept.size() != wanted.size()) {
            Set<LabeledClip> missing = new HashSet<>(wanted);
            kept.forEach(c -> missing.remove(c.clip()));
            throw new IllegalArgumentException(missing.size() + " clip(s) to keep are not in this dataset, e.g. "
                    + missing.iterator().next().file() + "; build folds from labeledClips() so skipped clips are "
                    + "left out");
        }
        return new CachedDataset(spec, labels, kept, skipped);
    }
}
