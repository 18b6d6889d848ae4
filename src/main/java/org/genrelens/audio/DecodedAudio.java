package org.genrelens.audio;

import java.util.Objects;

/**
 * Mono float PCM in [-1, 1] at {@code sampleRate}, and where it came from.
 *
 * <p>The array is handed over, not copied (a four-minute track is 5 million samples); whoever receives it owns it.
 */
public record DecodedAudio(float[] samples, int sampleRate, AudioSource source) {

    public DecodedAudio {
        Objects.requireNonNull(samples, "samples");
        Objects.requireNonNull(source, "source");
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate must be positive, was " + sampleRate);
        }
    }

    public double durationSeconds() {
        return samples.length / (double) sampleRate;
    }
}
