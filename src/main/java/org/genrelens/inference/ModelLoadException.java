package org.genrelens.inference;

import java.nio.file.Path;
import java.util.Objects;

/** A model that the classifier refuses to load; {@link #reason()} says why, the message says what to do. */
public final class ModelLoadException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a model was refused. */
    public enum Reason {
        /** The .onnx file does not exist or cannot be read. */
        MODEL_MISSING,
        /** The .card.json beside the model does not exist. */
        CARD_MISSING,
        /** The card is not valid JSON, lacks a required field or has an invalid value. */
        CARD_INVALID,
        /** The .onnx file's SHA-256 differs from the one in its card. */
        HASH_MISMATCH,
        /** The card's inputShape disagrees with the shape its own FeatureSpec produces. */
        FEATURE_SPEC_MISMATCH,
        /** The ONNX graph's input is not the card's inputShape. */
        INPUT_SHAPE_MISMATCH,
        /** The ONNX graph's output width is not the number of labels in the card. */
        OUTPUT_MISMATCH,
        /** ONNX Runtime could not load the graph. */
        RUNTIME_LOAD_FAILED,
        /** CUDA was required but cannot be used here. */
        CUDA_UNAVAILABLE
    }

    private final Reason reason;
    private final Path file;

    public ModelLoadException(Reason reason, Path file, String message) {
        this(reason, file, message, null);
    }

    public ModelLoadException(Reason reason, Path file, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.file = Objects.requireNonNull(file, "file");
    }

    public Reason reason() {
        return reason;
    }

    /** The file that was refused: the .onnx model or its card. */
    public Path file() {
        return file;
    }
}
