package org.genrelens.features;

import java.util.Objects;

/**
 * One spectrogram channel: an {@link Stft} whose power frames go through a {@link Filterbank} and into
 * decibels. Immutable and thread-safe.
 */
public final class BandSpectrogram {

    /** Power floor before the logarithm: silence becomes -100 dB instead of -infinity. */
    public static final double POWER_FLOOR = 1e-10;

    private final Stft stft;
    private final Filterbank filterbank;

    public BandSpectrogram(Stft stft, Filterbank filterbank) {
        this.stft = Objects.requireNonNull(stft, "stft");
        this.filterbank = Objects.requireNonNull(filterbank, "filterbank");
        if (stft.fftSize() != filterbank.fftSize()) {
            throw new IllegalArgumentException("filterbank is for FFT size " + filterbank.fftSize()
                    + " but the STFT uses " + stft.fftSize());
        }
    }

    public Stft stft() {
        return stft;
    }

    public Filterbank filterbank() {
        return filterbank;
    }

    /** Power in dB, {@code 10·log10(max(power, 1e-10))}. */
    public static double toDb(double power) {
        return 10.0 * Math.log10(Math.max(power, POWER_FLOOR));
    }

    /**
     * The dB value of every band and frame, laid out {@code [band][frame]} with {@code frames =}
     * {@link Stft#frameCount(int)}; written into {@code out} from {@code offset}.
     */
    public void decibels(float[] pcm, float[] out, int offset) {
        int frames = stft.frameCount(pcm.length);
        int bands = filterbank.bands();
        int bins = filterbank.binsUsed();
        double[] buffer = new double[stft.fftSize()];
        double[] power = new double[stft.bins()];
        double[] bandPower = new double[bands];
        for (int t = 0; t < frames; t++) {
            stft.power(pcm, t, buffer, power, bins);
            filterbank.applyAll(power, bandPower);
            for (int b = 0; b < bands; b++) {
                out[offset + b * frames + t] = (float) toDb(bandPower[b]);
            }
        }
    }
}
