package org.genrelens.audio;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A decode's time limit. When it passes, the given action (close the stream, kill ffmpeg) runs so that a decoder
 * blocked in a read returns; the decoding thread then sees {@link #expired()}.
 *
 * <p>The limit is the decoder's: time the caller's {@link PcmSink} spends on the samples (classifying them) is added
 * to it ({@link #extend}), so a long track analysed as it streams is not cut off for the analysis's own work.
 *
 * <p>One watchdog thread serves every decode, so it only hands expiry actions to a pool of daemon threads and
 * never runs them itself: an action that blocks (closing a stream whose lock a spinning decoder holds) would
 * otherwise stop every later deadline from firing.
 */
final class Deadline implements AutoCloseable {

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(
            daemonThreads("genrelens-decode-watchdog"));
    private static final ExecutorService EXPIRY_ACTIONS = Executors.newCachedThreadPool(
            daemonThreads("genrelens-decode-expiry"));

    private volatile long endNanos;
    private final Duration limit;
    private final AtomicBoolean expired = new AtomicBoolean();
    private volatile boolean closed;
    private volatile Runnable onExpiry = () -> { };
    private volatile ScheduledFuture<?> timer;

    private Deadline(Duration limit) {
        this.limit = limit;
        this.endNanos = System.nanoTime() + limit.toNanos();
        this.timer = schedule(limit.toNanos());
    }

    private ScheduledFuture<?> schedule(long nanos) {
        return WATCHDOG.schedule(this::check, nanos, TimeUnit.NANOSECONDS);
    }

    /** On the watchdog: expires, or waits again when the end was moved ({@link #extend}). */
    private void check() {
        if (closed) {
            return;
        }
        long left = endNanos - System.nanoTime();
        if (left > 0) {
            timer = schedule(left);
        } else {
            EXPIRY_ACTIONS.execute(this::expire);
        }
    }

    /** Moves the end later by {@code nanos}, unless time has already run out. */
    void extend(long nanos) {
        if (nanos > 0 && !expired.get()) {
            endNanos += nanos; // only the decoding thread extends
        }
    }

    static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread thread = new Thread(r, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
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
        closed = true;
        timer.cancel(false);
    }
}
