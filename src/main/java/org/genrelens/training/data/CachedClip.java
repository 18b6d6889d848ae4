package org.genrelens.training.data;

import java.util.Objects;
import org.genrelens.features.TrackSpectrum;

/**
 * One clip ready for training: its whole-track spectrum, computed once (held in memory or stored on disk), and its
 * genre index.
 *
 * @param label index of the clip's genre in the dataset's labels
 */
public record CachedClip(LabeledClip clip, int label, ClipSpectrum source) {

    public CachedClip {
        Objects.requireNonNull(clip, "clip");
        Objects.requireNonNull(source, "source");
        if (label < 0) {
            throw new IllegalArgumentException("the label of " + clip.file() + " must be >= 0, was " + label);
        }
    }

    /** A clip whose spectrum is held in memory. */
    public CachedClip(LabeledClip clip, int label, TrackSpectrum spectrum) {
        this(clip, label, new ClipSpectrum.Held(spectrum));
    }

    /** The whole spectrum; read from disk on every call when it is stored there. */
    public TrackSpectrum spectrum() {
        return source.whole();
    }

    /** STFT frames of the clip's spectrum (at least one window: short clips are padded). */
    public int frames() {
        return source.frames();
    }
}
