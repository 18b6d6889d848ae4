package org.genrelens.ui.detail;

/** Where played samples go: the sound card, or in tests a clock. */
public interface PlaybackOutput extends AutoCloseable {

    /** Opens for 16-bit signed little-endian mono at this rate; says why when no output device is usable. */
    void open(int sampleRate) throws Exception;

    /** Blocks until the bytes are queued. */
    void write(byte[] pcm, int offset, int length);

    /** Frames that have reached the listener's ears so far. */
    long framesPlayed();

    /** Stops at once, dropping what is queued. */
    void stop();

    @Override
    void close();
}
