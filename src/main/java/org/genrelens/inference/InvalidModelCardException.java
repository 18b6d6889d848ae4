package org.genrelens.inference;

import java.io.IOException;
import java.nio.file.Path;

/** A model card that exists but cannot be used: not JSON, a required field missing, or a bad value. */
public final class InvalidModelCardException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path card;

    public InvalidModelCardException(Path card, String problem, Throwable cause) {
        super("model card " + card + " is invalid: " + problem
                + "; re-export the model or restore its card", cause);
        this.card = card;
    }

    public Path card() {
        return card;
    }
}
