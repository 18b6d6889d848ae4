package org.genrelens.library;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One scan, as recorded while it runs: an unfinished one (killed or cancelled) is resumed by the next scan. */
public record ScanRun(long id, List<String> roots, State state, Instant started, Instant finished, long filesTotal,
        long filesDone, ScanCounts counts) {

    public enum State { RUNNING, COMPLETED, ABANDONED }

    public ScanRun {
        roots = List.copyOf(roots);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(counts, "counts");
    }
}
