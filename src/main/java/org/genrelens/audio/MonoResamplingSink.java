package org.genrelens.audio;

import be.tarsos.dsp.resample.Resampler;
import java.util.Arrays;

/**
 * Turns interleaved float frames at the source rate into mono at the target rate, chunk by chunk, and hands the
 * result on to a {@link PcmOutput} as it comes, so nothing of the track is held here but a short tail.
 *
 * <p>Channels are averaged, not summed: a sum is 3 dB (stereo) or more louder and would shift every
 * spectrogram tile. Resampling uses TarsosDSP's port of libresample (band-limited sinc interpolation, high
 * quality filter), which low-passes before it decimates.
 */
final class MonoResamplingSink {

    /**
     * Samples held back from the output until the end: libresample's flush may overshoot by a few samples, and the
     * length is fixed by the rate ratio, so the last ones are only handed on once that length is known.
     */
    private static final int HELD_BACK = 4096;

    private final int channels;
    private final double factor;
    private final Resampler resampler;
    private final PcmOutput output;
    private final float[] resampled = new float[16_384];
    private float[] mono = new float[0];
    private float[] pending = new float[HELD_BACK + 16_384];
    private int pendingLength;
    private long handedOn;
    private long framesIn;
    private long toSkip;
    private final long maxFrames;

    /**
     * @param skipFrames frames to drop at the start (decoder and encoder delay)
     * @param maxFrames  frames to keep at most (drops encoder padding at the end), or -1 for all
     */
    MonoResamplingSink(int channels, double sourceRate, int targetRate, long skipFrames, long maxFrames,
            PcmOutput output) {
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
        this.output = java.util.Objects.requireNonNull(output, "output");
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

    /**
     * Flushes the resampler; the output has then received exactly {@code round(framesIn * factor)} samples (cut,
     * or padded with silence by the few samples libresample's flush may miss).
     */
    void finish() {
        if (resampler != null) {
            resample(0, true);
        }
        long expected = Math.round(framesIn * factor);
        if (framesIn > 0 && expected == 0) {
            expected = 1;
        }
        int last = (int) Math.max(0, Math.min(pendingLength, expected - handedOn));
        hand(last);
        float[] silence = new float[1024];
        while (handedOn < expected) {
            int n = (int) Math.min(silence.length, expected - handedOn);
            output.accept(silence, 0, n);
            handedOn += n;
        }
    }

    /** Hands on what was produced so far, without the resampler's flush: a partial result after an error. */
    void stop() {
        hand(pendingLength);
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
        if (pendingLength + count > pending.length) {
            hand(Math.max(0, pendingLength - HELD_BACK));
            if (pendingLength + count > pending.length) {
                pending = Arrays.copyOf(pending, pendingLength + count);
            }
        }
        System.arraycopy(samples, 0, pending, pendingLength, count);
        pendingLength += count;
    }

    /** Hands the first {@code count} pending samples on and keeps the rest. */
    private void hand(int count) {
        if (count <= 0) {
            return;
        }
        output.accept(pending, 0, count);
        handedOn += count;
        System.arraycopy(pending, count, pending, 0, pendingLength - count);
        pendingLength -= count;
    }
}
