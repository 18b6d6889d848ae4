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
        FrameWork work = new FrameWork();
        for (int t = 0; t < frames; t++) {
            frameDecibels(pcm, pcm.length, t, work, out, offset + t, frames);
        }
    }

    /** Work arrays for {@link #frameDecibels}; one per thread. */
    public final class FrameWork {
        private final double[] buffer = new double[stft.fftSize()];
        private final double[] power = new double[stft.bins()];
        private final double[] bandPower = new double[filterbank.bands()];
    }

    /**
     * The dB value of every band of one frame of the first {@code length} samples of {@code pcm} (zeros after
     * them), band {@code b} written to {@code out[offset + b * stride]}: one column of {@link #decibels}, for callers
     * that have the track a part at a time.
     */
    public void frameDecibels(float[] pcm, int length, int frame, FrameWork work, float[] out, int offset,
            int stride) {
        stft.power(pcm, length, frame, work.buffer, work.power, filterbank.binsUsed());
        filterbank.applyAll(work.power, work.bandPower);
        for (int b = 0; b < work.bandPower.length; b++) {
            out[offset + b * stride] = (float) toDb(work.bandPower[b]);
        }
    }
}
