package org.genrelens.ui;

import java.util.concurrent.atomic.AtomicLong;
import org.genrelens.ui.detail.PlaybackOutput;

/** A sound output for machines without a sound card: it takes the samples and counts them as played. */
final class ClockOutput implements PlaybackOutput {

    private final AtomicLong frames = new AtomicLong();

    @Override
    public void open(int sampleRate) {
    }

    @Override
    public void write(byte[] pcm, int offset, int length) {
        frames.addAndGet(length / 2);
    }

    @Override
    public long framesPlayed() {
        return frames.get();
    }

    @Override
    public void stop() {
    }

    @Override
    public void close() {
    }
}
