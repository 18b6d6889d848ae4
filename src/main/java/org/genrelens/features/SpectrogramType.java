package org.genrelens.features;

/** The kind of time-frequency image a model is fed. */
public enum SpectrogramType {
    /** Power spectrogram through a Slaney-style mel filterbank, in dB; one channel. */
    MEL,
    /** Three STFTs with different window sizes on one hop, each on the same mel axis; three channels. */
    MULTI_STFT,
    /** One STFT, linear bins from fMin to fMax or log-spaced bands, in dB; one channel. */
    STFT
}
