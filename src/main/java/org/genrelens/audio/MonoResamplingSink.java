package org.genrelens.audio;

import be.tarsos.dsp.resample.Resampler;
import java.util.Arrays;

/**
 * Turns interleaved float frames at the source rate into mono at the target rate, chunk by chunk, so only the
 * (smaller) target-rate signal is held in memory.
 *
 * <p>Channels are averaged, not summed: a sum is 3 dB (stereo) or more louder and would shift every
 * spectrogram tile. Resampling uses TarsosDSP's port of libresample (band-limited sinc interpolation, high
 * quality filter), which low-passes before it decimates.
 */
final class MonoResamplingSink {

    private final int channels;
    private final double factor;
    private final Resampler resampler;
    private final float[] resampled = new float[16_384];
    private float[] mono = new float[0];
    private float[] out = new float[1 << 16];
    private int outLength;
    private long framesIn;
    private long toSkip;
    private final long maxFrames;

    MonoResamplingSink(int channels, double sourceRate, int targetRate) {
        this(channels, sourceRate, targetRate, 0, -1);
    }

    /**
     * @param skipFrames frames to drop at the start (decoder and encoder delay)
     * @param maxFrames  frames to keep at most (drops encoder padding at the end), or -1 for all
     */
    MonoResamplingSink(int channels, double sourceRate, int targetRate, long skipFrames, long maxFrames) {
        this(channels, sourceRate, targetRate, skipFrames, maxFrames, 0);
    }

    /** @param expectedSamples output length to allocate for at once (a hint; the buffer still grows), or 0 */
    MonoResamplingSink(int channels, double sourceRate, int targetRate, long skipFrames, long maxFrames,
            long expectedSamples) {
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be positive, was " + channels);
        }
        if (!(sourceRate > 0) || targetRate <= 0) {
            throw new IllegalArgumentException("sample rates must be positive: " + sourceRate + " -> " + targetRate);
        }
        this.channels = channels;
        this.factor = targetRate / sourceRate;
        this.resampler = Math.abs(factor - 1.0) < 1e-9 ? null : new Resampler(true, factor, factor);
        this.toSkip = Math.max(0, skipFrames);
        this.maxFrames = maxFrames;
        if (expectedSamples > out.length && expectedSamples < Integer.MAX_VALUE - 1024) {
            out = new float[(int) expectedSamples + 1024];
        }
    }

    /** Accepts {@code frames} interleaved frames from {@code interleaved}. */
    void accept(float[] interleaved, int frames) {
        int first = (int) Math.min(frames, toSkip);
        toSkip -= first;
        int count = frames - first;
        if (maxFrames >= 0) {
            count = (int) Math.max(0, Math.min(count, maxFrames - framesIn));
        }
        if (count > 0) {
            mix(interleaved, first, count);
        }
    }

    private void mix(float[] interleaved, int firstFrame, int frames) {
        if (mono.length < frames) {
            mono = new float[frames];
        }
        if (channels == 1) {
            System.arraycopy(interleaved, firstFrame, mono, 0, frames);
        } else {
            float scale = 1f / channels;
            for (int f = 0, i = firstFrame * channels; f < frames; f++) {
                float sum = 0f;
                for (int c = 0; c < channels; c++) {
                    sum += interleaved[i++];
                }
                mono[f] = sum * scale;
            }
        }
        framesIn += frames;
        if (resampler == null) {
            append(mono, frames);
        } else {
            resample(frames, false);
        }
    }

    long framesIn() {
        return framesIn;
    }

    /** Flushes the resampler and returns exactly {@code round(framesIn * factor)} samples. */
    float[] finish() {
        if (resampler != null) {
            resample(0, true);
        }
        long expected = Math.round(framesIn * factor);
        if (framesIn > 0 && expected == 0) {
            expected = 1;
        }
        // libresample's flush may overshoot or undershoot by a few samples; the length is fixed by the rate ratio
        return Arrays.copyOf(out, (int) Math.min(expected, Integer.MAX_VALUE - 8));
    }

    /** Samples produced so far, for a partial result after an error. */
    float[] snapshot() {
        return Arrays.copyOf(out, outLength);
    }

    private void resample(int frames, boolean last) {
        int offset = 0;
        while (true) {
            Resampler.Result r = resampler.process(factor, mono, offset, frames - offset, last,
                    resampled, 0, resampled.length);
            offset += r.inputSamplesConsumed;
            append(resampled, r.outputSamplesGenerated);
            boolean progressed = r.inputSamplesConsumed > 0 || r.outputSamplesGenerated > 0;
            if (!progressed) {
                return;
            }
            if (!last && offset >= frames && r.outputSamplesGenerated < resampled.length) {
                return;
            }
        }
    }

    private void append(float[] samples, int count) {
        if (outLength + count > out.length) {
            long grown = Math.max((long) outLength + count, (long) out.length * 3 / 2);
            if (grown > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("decoded audio is longer than a Java array can hold");
            }
            out = Arrays.copyOf(out, (int) grown);
        }
        System.arraycopy(samples, 0, out, outLength, count);
        outLength += count;
    }
}
