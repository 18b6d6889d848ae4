package org.genrelens.tags;

import java.util.Locale;
import java.util.Objects;

/**
 * When a genre may be written: which files (mode) and how sure the prediction must be. Uncertain predictions and
 * the {@value #NOT_MUSIC} label are never written, whatever the policy.
 */
public record TagPolicy(Mode mode, float minConfidence) {

    /** The model's label for speech, noise and silence: a verdict about the file, not a genre. */
    public static final String NOT_MUSIC = "not-music";

    public enum Mode {
        /** Only files without any genre. */
        EMPTY,
        /** Replace whatever genres the file has. */
        OVERWRITE,
        /** Add the genre as one more value, keeping those already there. */
        APPEND;

        /** Parses the CLI spelling: empty, overwrite or append. */
        public static Mode parse(String text) {
            for (Mode mode : values()) {
                if (mode.name().equalsIgnoreCase(text.strip())) {
                    return mode;
                }
            }
            throw new IllegalArgumentException("policy must be empty, overwrite or append, not '" + text + "'");
        }

        public String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public TagPolicy {
        Objects.requireNonNull(mode, "mode");
        if (!(minConfidence >= 0f && minConfidence <= 1f)) {
            throw new IllegalArgumentException("the minimum confidence must lie in [0, 1], was " + minConfidence);
        }
    }

    /** Only untagged files, any confidence that is not marked uncertain. */
    public static TagPolicy defaults() {
        return new TagPolicy(Mode.EMPTY, 0f);
    }
}
