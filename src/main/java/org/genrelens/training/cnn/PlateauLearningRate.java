package org.genrelens.training.cnn;

import ai.djl.training.tracker.ParameterTracker;

/**
 * Learning rate that drops by a factor when the validation loss has not improved for a number of epochs;
 * DJL's own trackers follow the update count only, so the trainer tells this one about every validation.
 */
final class PlateauLearningRate implements ParameterTracker {

    private static final double MIN_IMPROVEMENT = 1e-4;

    private final double factor;
    private final int patience;
    private final double minimum;
    private volatile float current;
    private double best = Double.POSITIVE_INFINITY;
    private int epochsWithoutImprovement;

    PlateauLearningRate(double initial, double factor, int patience, double minimum) {
        if (!(initial > 0) || !(factor > 0 && factor < 1) || patience < 1 || minimum < 0) {
            throw new IllegalArgumentException("need initial > 0, 0 < factor < 1, patience >= 1, minimum >= 0");
        }
        this.current = (float) initial;
        this.factor = factor;
        this.patience = patience;
        this.minimum = minimum;
    }

    @Override
    public float getNewValue(String parameterId, int numUpdate) {
        return current;
    }

    float current() {
        return current;
    }

    /** Multiplies the current rate (never below the minimum): a lower rate once frozen layers join in. */
    void scale(double factor) {
        current = (float) Math.max(minimum, current * factor);
    }

    /** Records one validation loss; returns true when the rate was just reduced. */
    boolean onValidation(double loss) {
        if (loss < best - MIN_IMPROVEMENT) {
            best = loss;
            epochsWithoutImprovement = 0;
            return false;
        }
        epochsWithoutImprovement++;
        if (epochsWithoutImprovement >= patience && current > minimum) {
            current = (float) Math.max(minimum, current * factor);
            epochsWithoutImprovement = 0;
            return true;
        }
        return false;
    }
}
