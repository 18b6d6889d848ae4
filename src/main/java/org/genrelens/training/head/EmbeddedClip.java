package org.genrelens.training.head;

import java.util.Objects;
import org.genrelens.training.data.LabeledClip;

/** A track to train a head on: its genre and group, and its pooled embedding by the model the head will sit on. */
public record EmbeddedClip(LabeledClip clip, float[] embedding) {

    public EmbeddedClip {
        Objects.requireNonNull(clip, "clip");
        if (embedding == null || embedding.length == 0) {
            throw new IllegalArgumentException(clip.file() + " has no embedding; analyse it with the model first");
        }
        embedding = embedding.clone();
    }

    @Override
    public float[] embedding() {
        return embedding.clone();
    }
}
