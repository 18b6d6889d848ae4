package org.genrelens.inference;

import java.util.Objects;

/**
 * How a {@link GenreClassifier} runs.
 *
 * @param executionPreference  AUTO, CPU or CUDA
 * @param intraOpThreads       ONNX Runtime intra-op threads; 0 means every available core
 * @param batchSize            tiles per ONNX Runtime call
 * @param uncertaintyThreshold a track whose top averaged probability is below it is flagged uncertain
 */
public record ClassifierOptions(ExecutionPreference executionPreference, int intraOpThreads, int batchSize,
        float uncertaintyThreshold) {

    public static final int DEFAULT_BATCH_SIZE = 32;
    public static final float DEFAULT_UNCERTAINTY_THRESHOLD = 0.5f;

    public ClassifierOptions {
        Objects.requireNonNull(executionPreference, "executionPreference");
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("intraOpThreads must be 0 (all cores) or positive, was "
                    + intraOpThreads);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        if (!(uncertaintyThreshold >= 0f && uncertaintyThreshold <= 1f)) {
            throw new IllegalArgumentException("uncertaintyThreshold must lie in [0, 1], was "
                    + uncertaintyThreshold);
        }
    }

    /** AUTO provider, all cores, batches of 32, uncertain below 0.5. */
    public static ClassifierOptions defaults() {
        return new ClassifierOptions(ExecutionPreference.AUTO, 0, DEFAULT_BATCH_SIZE,
                DEFAULT_UNCERTAINTY_THRESHOLD);
    }

    public ClassifierOptions withExecutionPreference(ExecutionPreference preference) {
        return new ClassifierOptions(preference, intraOpThreads, batchSize, uncertaintyThreshold);
    }

    public ClassifierOptions withIntraOpThreads(int threads) {
        return new ClassifierOptions(executionPreference, threads, batchSize, uncertaintyThreshold);
    }

    public ClassifierOptions withBatchSize(int size) {
        return new ClassifierOptions(executionPreference, intraOpThreads, size, uncertaintyThreshold);
    }

    public ClassifierOptions withUncertaintyThreshold(float threshold) {
        return new ClassifierOptions(executionPreference, intraOpThreads, batchSize, threshold);
    }

    /** The thread count to hand ONNX Runtime: 0 is resolved to the cores this JVM may use. */
    int resolvedIntraOpThreads() {
        return intraOpThreads == 0 ? Runtime.getRuntime().availableProcessors() : intraOpThreads;
    }
}
