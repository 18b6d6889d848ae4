package org.genrelens.inference;

/** Which ONNX Runtime execution provider the classifier should run on. */
public enum ExecutionPreference {
    /** Try CUDA; if a CUDA session cannot be created, run on the CPU and record why. */
    AUTO,
    /** Run on the CPU without trying CUDA. */
    CPU,
    /** Run on CUDA or refuse to load: for users who would rather fail than wait. */
    CUDA
}
