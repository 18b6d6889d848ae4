package org.genrelens.library;

/** Whether a known file is still there and readable. */
public enum TrackStatus {
    /** Found by the last scan of its root and recognised as audio. */
    PRESENT,
    /** Not found by the last complete scan of its root; its analyses stay, in case it comes back or moved. */
    GONE,
    /** Found, but empty, not audio or not readable; {@link Track#reason()} says why. */
    UNREADABLE
}
