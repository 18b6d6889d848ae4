package org.genrelens.features;

/** How an {@link SpectrogramType#STFT} tile lays out its frequency axis. */
public enum FrequencyScale {
    /** Every FFT bin from fMin to fMax. */
    LINEAR,
    /** {@code bands} triangular bands spaced evenly in log frequency from fMin to fMax. */
    LOG
}
