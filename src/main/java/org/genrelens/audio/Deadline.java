package org.genrelens.audio;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A decode's time limit. When it passes, a watchdog thread runs the given action (close the stream, kill ffmpeg)
 * so that a decoder blocked in a read returns; the decoding thread then sees {@link #expired()}.
 */
final class Deadline implements AutoCloseable {

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "genrelens-decode-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final long endNanos;
    private final Duration limit;
    private final AtomicBoolean expired = new AtomicBoolean();
    private volatile Runnable onExpiry = () -> { };
    private final ScheduledFuture<?> timer;

    private Deadline(Duration limit) {
        this.limit = limit;
        this.endNanos = System.nanoTime() + limit.toNanos();
        this.timer = WATCHDOG.schedule(this::expire, limit.toNanos(), TimeUnit.NANOSECONDS);
    }

    static Deadline after(Duration limit) {
        return new Deadline(limit);
    }

    /** What to do when time runs out; replaces the previous action. Runs at once if time is already out. */
    void onExpiry(Runnable action) {
        this.onExpiry = action;
        if (expired.get()) {
            action.run();
        }
    }

    boolean expired() {
        return expired.get() || System.nanoTime() - endNanos > 0;
    }

    Duration remaining() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    Duration limit() {
        return limit;
    }

    private void expire() {
        expired.set(true);
        try {
            onExpiry.run();
        } catch (RuntimeException e) {
            System.getLogger(Deadline.class.getName()).log(System.Logger.Level.WARNING,
                    "stopping a decode that ran out of time failed", e);
        }
    }

    @Override
    public void close() {
        timer.cancel(false);
    }
}
