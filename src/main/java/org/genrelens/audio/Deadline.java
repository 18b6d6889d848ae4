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
 * <p>One watchdog thread serves every decode, so it only hands expiry actions to a pool of daemon threads and
 * never runs them itself: an action that blocks (closing a stream whose lock a spinning decoder holds) would
 * otherwise stop every later deadline from firing.
 */
final class Deadline implements AutoCloseable {

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(
            daemonThreads("genrelens-decode-watchdog"));
    private static final ExecutorService EXPIRY_ACTIONS = Executors.newCachedThreadPool(
            daemonThreads("genrelens-decode-expiry"));

    private final long endNanos;
    private final Duration limit;
    private final AtomicBoolean expired = new AtomicBoolean();
    private volatile Runnable onExpiry = () -> { };
    private final ScheduledFuture<?> timer;

    private Deadline(Duration limit) {
        this.limit = limit;
        this.endNanos = System.nanoTime() + limit.toNanos();
        this.timer = WATCHDOG.schedule(() -> EXPIRY_ACTIONS.execute(this::expire), limit.toNanos(),
                TimeUnit.NANOSECONDS);
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
        timer.cancel(false);
    }
}
