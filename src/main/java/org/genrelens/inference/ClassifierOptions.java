package org.genrelens.inference;

import java.util.Objects;

/**
 * How a {@link GenreClassifier} runs.
 *
 * @param executionPreference  AUTO, CPU or CUDA
 * @param intraOpThreads       ONNX Runtime intra-op threads per run; 0 means every available core. Analysis runs one
 *                             track per core already, so the default is 1: more threads per run would compete
 *                             with the other tracks' decoding and cost more CPU for the same work
 * @param batchSize            tiles per ONNX Runtime call, or {@link #AUTO_BATCH_SIZE}: {@value #CPU_BATCH_SIZE} on the
 *                             CPU, where a small batch keeps each layer's activations in the core's cache (8 windows
 *                             of the bundled CNN run a sixth faster than 32), {@value #CUDA_BATCH_SIZE} on CUDA
 * @param uncertaintyThreshold a track whose top averaged probability is below it is flagged uncertain
 */
public record ClassifierOptions(ExecutionPreference executionPreference, int intraOpThreads, int batchSize,
        float uncertaintyThreshold) {

    public static final int AUTO_BATCH_SIZE = 0;
    public static final int CPU_BATCH_SIZE = 8;
    public static final int CUDA_BATCH_SIZE = 64;
    public static final int DEFAULT_INTRA_OP_THREADS = 1;
    public static final float DEFAULT_UNCERTAINTY_THRESHOLD = 0.5f;

    public ClassifierOptions {
        Objects.requireNonNull(executionPreference, "executionPreference");
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("intraOpThreads must be 0 (all cores) or positive, was "
                    + intraOpThreads);
        }
        if (batchSize < 0) {
            throw new IllegalArgumentException("batchSize must be 0 (automatic) or positive, was " + batchSize);
        }
        if (!(uncertaintyThreshold >= 0f && uncertaintyThreshold <= 1f)) {
            throw new IllegalArgumentException("uncertaintyThreshold must lie in [0, 1], was "
                    + uncertaintyThreshold);
        }
    }

    /** AUTO provider, one thread per run, automatic batch size, uncertain below 0.5. */
    public static ClassifierOptions defaults() {
        return new ClassifierOptions(ExecutionPreference.AUTO, DEFAULT_INTRA_OP_THREADS, AUTO_BATCH_SIZE,
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

    /** The batch size to run with on the provider that was chosen ("CPU" or "CUDA"). */
    int resolvedBatchSize(String provider) {
        if (batchSize != AUTO_BATCH_SIZE) {
            return batchSize;
        }
        return ExecutionProviderChooser.CUDA.equals(provider) ? CUDA_BATCH_SIZE : CPU_BATCH_SIZE;
    }

    /** The thread count to hand ONNX Runtime: 0 is resolved to the cores this JVM may use. */
    int resolvedIntraOpThreads() {
        return intraOpThreads == 0 ? Runtime.getRuntime().availableProcessors() : intraOpThreads;
    }
}
