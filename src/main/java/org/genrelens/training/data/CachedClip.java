package org.genrelens.training.data;

import java.util.Objects;
import org.genrelens.features.TrackSpectrum;

/**
 * One clip ready for training: its whole-track spectrum, computed once, and its genre index.
 *
 * @param label index of the clip's genre in the dataset's labels
 */
public record CachedClip(LabeledClip clip, int label, TrackSpectrum spectrum) {

    public CachedClip {
        Objects.requireNonNull(clip, "clip");
        Objects.requireNonNull(spectrum, "spectrum");
        if (label < 0) {
            throw new IllegalArgumentException("the label of " + clip.file() + " must be >= 0, was " + label);
        }
    }

    /** STFT frames of the clip's spectrum (at least one window: short clips are padded). */
    public int frames() {
        return spectrum.frames();
    }
}
