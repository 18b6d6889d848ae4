package org.genrelens.task;

import java.util.concurrent.atomic.AtomicBoolean;

/** A flag a caller sets to stop a blocking core operation at its next check point. */
public final class Cancellation {

    private final AtomicBoolean cancelled = new AtomicBoolean();
    /** Also cancelled when this one is; null for a root. */
    private final Cancellation parent;
    /** {@link System#nanoTime()} after which this one counts as cancelled; only when {@link #hasDeadline}. */
    private final long deadlineNanos;
    private final boolean hasDeadline;

    public Cancellation() {
        this(null, 0L, false);
    }

    private Cancellation(Cancellation parent, long deadlineNanos, boolean hasDeadline) {
        this.parent = parent;
        this.deadlineNanos = deadlineNanos;
        this.hasDeadline = hasDeadline;
    }

    public static Cancellation none() {
        return new Cancellation();
    }

    /** A cancellation that is also cancelled when this one is, or once {@link System#nanoTime()} passes the deadline. */
    public Cancellation until(long deadlineNanos) {
        return new Cancellation(this, deadlineNanos, true);
    }

    /** Whether the deadline of {@link #until} has passed (and not only a cancel). */
    public boolean pastDeadline() {
        return hasDeadline && System.nanoTime() - deadlineNanos > 0;
    }

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get() || (parent != null && parent.isCancelled()) || pastDeadline();
    }

    /** Throws {@link CancelledException} when {@link #cancel()} was called. */
    public void throwIfCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }
}
