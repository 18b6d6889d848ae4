package org.genrelens.audio;

import java.util.Objects;

/**
 * A decode that went to a {@link PcmSink}: the sink that received the whole track, and how long the track was.
 *
 * @param sink       the sink of the attempt that succeeded
 * @param samples    mono samples it received, at {@code sampleRate}
 * @param sampleRate the rate asked for
 * @param source     the file's own format
 */
public record StreamedAudio<S extends PcmSink>(S sink, long samples, int sampleRate, AudioSource source) {

    public StreamedAudio {
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(source, "source");
        if (sampleRate <= 0 || samples < 0) {
            throw new IllegalArgumentException("need a positive rate and a sample count >= 0, got " + sampleRate
                    + " Hz, " + samples);
        }
    }

    public double durationSeconds() {
        return samples / (double) sampleRate;
    }
}
