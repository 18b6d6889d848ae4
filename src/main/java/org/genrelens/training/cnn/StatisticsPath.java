package org.genrelens.training.cnn;

import org.genrelens.training.baseline.CepstralStatistics;

/**
 * The statistics branch of a {@link ModelSpec} network (decision record 16): a learnable convolution across all
 * bands of each frame, initialised to the orthonormal DCT-II so that its outputs start as {@code coefficients}
 * cepstral coefficients per input channel; their frame-to-frame deltas; the mean and standard deviation of both over
 * the tile's frames; a fixed standardisation; then, if {@code width > 0}, Dense → ReLU. Its output is
 * concatenated with the pooled convolutional trunk before the classifier.
 *
 * <p>With {@code width == 0} the classifier sees the standardised statistics directly, so a fitted logistic
 * regression on the same statistics ({@link CepstralStatistics}) can be loaded as the network's starting point
 * and the untrained network gives its probabilities exactly.
 *
 * @param coefficients cepstral coefficients per input channel, 0 for no statistics branch
 * @param width        hidden width of the branch, 0 for none (the statistics go straight to the classifier)
 */
public record StatisticsPath(int coefficients, int width) {

    public static final StatisticsPath NONE = new StatisticsPath(0, 0);

    public StatisticsPath {
        if (coefficients < 0 || coefficients > 128) {
            throw new IllegalArgumentException("statistics coefficients must be 0 (no branch) to 128, was "
                    + coefficients);
        }
        if (width < 0 || width > 1024) {
            throw new IllegalArgumentException("statistics width must be 0 (none) to 1024, was " + width);
        }
        if (coefficients == 0 && width != 0) {
            throw new IllegalArgumentException("a statistics width needs statistics coefficients; set both or neither");
        }
    }

    public boolean present() {
        return coefficients > 0;
    }

    /** Cepstral channels after the DCT convolution. */
    public int cepstralChannels(int inputChannels) {
        return inputChannels * coefficients;
    }

    /** Mean and spread of each coefficient and of its delta. */
    public int statisticsCount(int inputChannels) {
        return 4 * cepstralChannels(inputChannels);
    }

    /** What the branch hands to the classifier. */
    public int outputWidth(int inputChannels) {
        return !present() ? 0 : width > 0 ? width : statisticsCount(inputChannels);
    }

    /** Whether a fitted logistic regression can be this branch's starting point (the statistics reach the head). */
    public boolean acceptsRegression() {
        return present() && width == 0;
    }
}
