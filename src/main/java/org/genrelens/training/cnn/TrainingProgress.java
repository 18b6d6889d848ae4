package org.genrelens.training.cnn;

/** What a running training tells its caller: every step, and every epoch with validation. */
public interface TrainingProgress {

    TrainingProgress NONE = new TrainingProgress() {
    };

    /** After each optimisation step. */
    default void onStep(int epoch, int step, int steps, double loss) {
    }

    /** After each epoch's validation. */
    default void onEpoch(EpochReport report) {
    }
}
