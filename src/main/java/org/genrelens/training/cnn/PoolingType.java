package org.genrelens.training.cnn;

/** The 2×2, stride-2 pooling that halves each feature map after a CNN block. */
public enum PoolingType {
    /** Max pooling: ONNX MaxPool. */
    MAX,
    /** Average pooling without padding: ONNX AveragePool. */
    AVG
}
