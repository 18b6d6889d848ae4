package org.genrelens.app;

import java.nio.file.Path;
import org.genrelens.inference.ClassifierOptions;
import org.genrelens.inference.ExecutionPreference;
import org.genrelens.inference.GenreClassifier;
import org.genrelens.inference.ModelLoadException;
import picocli.CommandLine.Option;

/** Options shared by the commands that run the model. */
public final class ModelOptions {

    @Option(names = "--model", paramLabel = "FILE",
            description = "ONNX model with FILE.card.json beside it (default: models/genre-cnn.onnx, or $GENRELENS_MODEL)")
    public Path model;

    @Option(names = "--ep", paramLabel = "auto|cpu|cuda", defaultValue = "auto",
            description = "Execution provider: auto tries CUDA and falls back to CPU (default: ${DEFAULT-VALUE})")
    public String executionProvider;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "ONNX Runtime threads per track; tracks already run one per core, so more threads compete "
                    + "with them; 0 = all cores (default: ${DEFAULT-VALUE})")
    public int threads;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "0",
            description = "Windows per inference batch; 0 = 8 on the CPU, 64 on CUDA (default: ${DEFAULT-VALUE})")
    public int batchSize;

    @Option(names = "--threshold", paramLabel = "P", defaultValue = "0.5",
            description = "Below this confidence a track is marked uncertain (default: ${DEFAULT-VALUE})")
    public float uncertaintyThreshold;

    public ClassifierOptions classifierOptions() {
        ExecutionPreference preference = switch (executionProvider.toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> ExecutionPreference.AUTO;
            case "cpu" -> ExecutionPreference.CPU;
            case "cuda", "gpu" -> ExecutionPreference.CUDA;
            default -> throw new IllegalArgumentException(
                    "--ep must be auto, cpu or cuda, not '" + executionProvider + "'");
        };
        if (batchSize < 0) {
            throw new IllegalArgumentException("--batch must be 0 (automatic) or more");
        }
        if (threads < 0) {
            throw new IllegalArgumentException("--threads must be 0 (all cores) or more");
        }
        return new ClassifierOptions(preference, threads, batchSize, uncertaintyThreshold);
    }

    /** Opens the located model, or explains where a model was looked for. */
    public GenreClassifier open() throws ModelLoadException, ModelNotFoundException {
        ModelLocator locator = ModelLocator.fromSystem();
        Path file = locator.locate(model).orElseThrow(() -> new ModelNotFoundException(locator.notFoundMessage()));
        return GenreClassifier.open(file, classifierOptions());
    }

    /** No model was given and none was found where we look. */
    public static final class ModelNotFoundException extends Exception {
        ModelNotFoundException(String message) {
            super(message);
        }
    }
}
