package org.genrelens.library;

/**
 * What a scan found, file by file.
 *
 * @param newTracks  files the library did not know
 * @param changed    known files whose audio changed (their old analyses no longer apply)
 * @param retagged   known files whose size or mtime changed but whose audio fingerprint did not (tag edits);
 *                   they keep their analyses
 * @param moved      files at a new path whose fingerprint matches a track whose old path is gone
 * @param unchanged  known files with the same size and mtime, not read at all
 * @param unreadable empty, non-audio or unreadable files
 * @param gone       known files this scan did not find
 */
public record ScanCounts(long newTracks, long changed, long retagged, long moved, long unchanged, long unreadable,
        long gone) {

    public static final ScanCounts ZERO = new ScanCounts(0, 0, 0, 0, 0, 0, 0);

    public ScanCounts {
        if (newTracks < 0 || changed < 0 || retagged < 0 || moved < 0 || unchanged < 0 || unreadable < 0
                || gone < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }

    /** Files this scan looked at (all but the gone ones). */
    public long files() {
        return newTracks + changed + retagged + moved + unchanged + unreadable;
    }

    ScanCounts plus(ScanCounts o) {
        return new ScanCounts(newTracks + o.newTracks, changed + o.changed, retagged + o.retagged, moved + o.moved,
                unchanged + o.unchanged, unreadable + o.unreadable, gone + o.gone);
    }
}
