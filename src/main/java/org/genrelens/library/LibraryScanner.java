package org.genrelens.library;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.genrelens.task.Cancellation;
import org.genrelens.task.CancelledException;
import org.genrelens.task.ProgressListener;

/**
 * Scans library roots into the database, incrementally and resumably. Files are committed in batches, each in
 * one transaction together with the scan run's counters (a batch's files are read before its transaction begins,
 * so another process waits for the write lock only while rows are written), so a process killed at any moment leaves whole batches
 * and counts that match them; the next scan of the same roots continues that run, skipping files it already
 * committed. Tracks become GONE only when a scan completes.
 */
public final class LibraryScanner {

    private final LibraryDatabase db;

    public LibraryScanner(LibraryDatabase db) {
        this.db = db;
    }

    public ScanReport scan(List<Path> roots, ScanOptions options, ProgressListener progress,
            Cancellation cancellation) {
        List<Path> absolute = roots.stream().map(r -> r.toAbsolutePath().normalize()).distinct().toList();
        if (absolute.isEmpty()) {
            throw new IllegalArgumentException("name at least one folder to scan");
        }
        progress.onProgress(0, -1, "listing files under " + absolute);
        LibraryWalker.Listing listing = new LibraryWalker(options.includeHidden()).list(absolute, cancellation);
        List<String> rootNames = absolute.stream().map(Path::toString).toList();
        Map<Path, Long> rootIds = new HashMap<>();
        long[] run = db.transaction(c -> {
            for (Path root : absolute) {
                rootIds.put(root, TrackRepository.rootId(c, root));
            }
            Optional<ScanRun> unfinished = ScanRunRepository.unfinished(c, rootNames);
            long id = unfinished.isPresent() ? unfinished.get().id() : ScanRunRepository.start(c, rootNames);
            ScanRunRepository.setTotal(c, id, listing.files().size());
            return new long[] {id, unfinished.isPresent() ? 1 : 0};
        });
        long scanId = run[0];
        FileReconciler reconciler = new FileReconciler(options);
        List<LibraryWalker.Found> files = listing.files();
        int total = files.size();
        int next = 0;
        while (next < total) {
            int from = next;
            int to = Math.min(total, from + options.batchSize());
            // files are read before the transaction, which then holds the write lock only for the rows
            List<FileReconciler.Observation> observed = new ArrayList<>();
            for (int i = from; i < to && !cancellation.isCancelled(); i++) {
                observed.add(reconciler.observe(db, files.get(i).file(), scanId));
            }
            int committed = db.transaction(c -> {
                Tally tally = new Tally();
                int k = 0;
                for (; k < observed.size() && !cancellation.isCancelled(); k++) {
                    LibraryWalker.Found found = files.get(from + k);
                    tally.add(reconciler.record(c, observed.get(k), rootIds.get(found.root()), scanId));
                    progress.onProgress(from + k + 1, total, found.file().toString());
                }
                ScanRunRepository.add(c, scanId, tally.files, tally.counts());
                return from + k;
            });
            if (cancellation.isCancelled()) {
                throw new CancelledException(); // what was done is committed; the next scan resumes here
            }
            next = committed;
        }
        List<Long> walkedRootIds = new ArrayList<>();
        listing.walkedRoots().forEach(root -> walkedRootIds.add(rootIds.get(root)));
        return db.transaction(c -> {
            int gone = TrackRepository.markGone(c, walkedRootIds, scanId);
            ScanRunRepository.add(c, scanId, 0, new ScanCounts(0, 0, 0, 0, 0, 0, gone));
            ScanRunRepository.complete(c, scanId);
            ScanCounts counts = ScanRunRepository.find(c, scanId).orElseThrow().counts();
            return new ScanReport(scanId, run[1] == 1, counts, TrackRepository.unreadableSeenBy(c, scanId),
                    new LinkedHashMap<>(listing.problems()));
        });
    }

    /** Counts of one batch. */
    private static final class Tally {
        private long files;
        private final long[] byOutcome = new long[FileReconciler.Outcome.values().length];

        void add(FileReconciler.Outcome outcome) {
            if (outcome != FileReconciler.Outcome.ALREADY_SEEN) { // counted by the run that committed it
                files++;
                byOutcome[outcome.ordinal()]++;
            }
        }

        ScanCounts counts() {
            return new ScanCounts(n(FileReconciler.Outcome.NEW), n(FileReconciler.Outcome.CHANGED),
                    n(FileReconciler.Outcome.RETAGGED), n(FileReconciler.Outcome.MOVED),
                    n(FileReconciler.Outcome.UNCHANGED), n(FileReconciler.Outcome.UNREADABLE), 0);
        }

        private long n(FileReconciler.Outcome outcome) {
            return byOutcome[outcome.ordinal()];
        }
    }
}
