package org.genrelens.task;

/** Receives progress of a long, blocking core operation; the UI or the CLI decides how to show it. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (done, total, message) -> { };

    /**
     * @param done    units of work finished so far
     * @param total   all units of work, or -1 when unknown
     * @param message what is being worked on, for people
     */
    void onProgress(long done, long total, String message);
}
