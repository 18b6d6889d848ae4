package org.genrelens.library;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of a scan. A resumed scan's counts include what the killed run had already committed.
 *
 * @param unreadable files found but unreadable, with the reason
 * @param problems   roots and folders that could not be walked, with the reason
 */
public record ScanReport(long scanId, boolean resumed, ScanCounts counts, Map<Path, String> unreadable,
        Map<Path, String> problems) {

    public ScanReport {
        Objects.requireNonNull(counts, "counts");
        // copies that keep the path order the scanner gives them
        unreadable = Collections.unmodifiableMap(new LinkedHashMap<>(unreadable));
        problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    }

    public boolean hasFailures() {
        return !unreadable.isEmpty() || !problems.isEmpty();
    }
}
