package org.genrelens.training.cnn;

import java.time.Duration;

/**
 * One epoch of training: mean training loss and accuracy over its batches; validation loss (class-balanced window
 * cross-entropy) and track-level balanced accuracy; the learning rate used; whether it is the best epoch so far.
 */
public record EpochReport(int epoch, int maxEpochs, double trainLoss, double trainAccuracy, double validLoss,
        double validBalancedAccuracy, double learningRate, boolean best, Duration elapsed, Duration eta) {
}
