package org.genrelens.audio;

/**
 * Receives a decode's mono float PCM at the requested rate, chunk by chunk and in order, so a caller can work on a
 * track of any length without holding it (decision record 0019).
 *
 * <p>The decoder may try more than one route for a file (ffmpeg first, then the Java decoders); every attempt gets
 * its own sink, and only the one that produced the result is handed back ({@link StreamedAudio#sink()}).
 * An exception thrown by a sink is never taken for damage in the file: it leaves the decode as it is.
 */
@FunctionalInterface
public interface PcmSink {

    /**
     * {@code count} samples from {@code samples[offset]}. The array is the decoder's and is reused once this
     * returns: copy what you keep.
     */
    void accept(float[] samples, int offset, int count);

    /** How many samples the file's headers promise, before the first {@link #accept}; a hint only, 0 when unknown. */
    default void expect(long samples) {
    }
}
