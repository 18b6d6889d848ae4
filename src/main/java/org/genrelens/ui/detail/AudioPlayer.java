package org.genrelens.ui.detail;

import java.util.function.Supplier;

/**
 * Plays decoded mono samples from a start position on a daemon thread and reports where playback is, so the view
 * can move its cursor. One playback at a time.
 */
public final class AudioPlayer {

    /** Hears about playback; called on the playback thread. */
    public interface Listener {
        void position(double seconds);

        void finished();

        void failed(Exception error);
    }

    private static final int CHUNK_FRAMES = 2048;

    private final Supplier<PlaybackOutput> outputs;
    private volatile Thread playing;
    private volatile boolean stopRequested;

    public AudioPlayer(Supplier<PlaybackOutput> outputs) {
        this.outputs = outputs;
    }

    public boolean isPlaying() {
        return playing != null && playing.isAlive();
    }

    public synchronized void play(float[] samples, int sampleRate, double fromSeconds, Listener listener) {
        stop();
        stopRequested = false;
        int startFrame = (int) Math.max(0, Math.min(samples.length, Math.round(fromSeconds * sampleRate)));
        Thread thread = new Thread(() -> run(samples, sampleRate, startFrame, listener), "genrelens-playback");
        thread.setDaemon(true);
        playing = thread;
        thread.start();
    }

    public synchronized void stop() {
        Thread thread = playing;
        if (thread != null) {
            stopRequested = true;
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            playing = null;
        }
    }

    private void run(float[] samples, int sampleRate, int startFrame, Listener listener) {
        try (PlaybackOutput output = outputs.get()) {
            output.open(sampleRate);
            byte[] chunk = new byte[CHUNK_FRAMES * 2];
            int frame = startFrame;
            while (frame < samples.length && !stopRequested) {
                int frames = Math.min(CHUNK_FRAMES, samples.length - frame);
                for (int i = 0; i < frames; i++) {
                    int value = Math.round(Math.max(-1f, Math.min(1f, samples[frame + i])) * 32767f);
                    chunk[2 * i] = (byte) value;
                    chunk[2 * i + 1] = (byte) (value >> 8);
                }
                output.write(chunk, 0, frames * 2);
                frame += frames;
                listener.position((startFrame + output.framesPlayed()) / (double) sampleRate);
            }
            if (stopRequested) {
                output.stop();
            } else {
                listener.position(samples.length / (double) sampleRate);
                listener.finished();
            }
        } catch (Exception e) {
            listener.failed(e);
        }
    }
}
