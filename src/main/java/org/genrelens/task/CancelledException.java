package org.genrelens.task;

/** Thrown by a core operation that stopped because its {@link Cancellation} was set. */
public final class CancelledException extends RuntimeException {

    public CancelledException() {
        super("cancelled by the user");
    }
}
