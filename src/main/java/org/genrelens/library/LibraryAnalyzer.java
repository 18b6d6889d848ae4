package org.genrelens.library;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.genrelens.audio.AudioDecodeException;
import org.genrelens.inference.TrackAnalyzer;
import org.genrelens.model.AnalysisMode;
import org.genrelens.task.Cancellation;
import org.genrelens.task.CancelledException;
import org.genrelens.task.ProgressListener;

/**
 * Analyses every track that has no analysis for this model and FeatureSpec yet, with a bounded pool of workers
 * (decoding and tiles run in parallel; the shared ONNX session batches each track's windows). Each result is
 * stored as soon as it is known, with the mode that made it, so a killed or cancelled run keeps what it finished
 * and the next run goes on. A full run also redoes the tracks that only have a quick analysis; a quick run skips
 * the tracks that have either.
 */
public final class LibraryAnalyzer {

    /** What one run did. */
    public record Report(int analysed, int failed, List<String> failures, boolean cancelled) {
    }

    private final LibraryDatabase database;
    private final TrackAnalyzer analyzer;
    private final String modelSha256;
    private final String featureSpecHash;
    private final int threads;

    public LibraryAnalyzer(LibraryDatabase database, TrackAnalyzer analyzer, String modelSha256, int threads) {
        this.database = Objects.requireNonNull(database, "database");
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.modelSha256 = Objects.requireNonNull(modelSha256, "modelSha256");
        this.featureSpecHash = analyzer.spec().hash();
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** A full-mode run: {@link #analyzePending(AnalysisMode, boolean, ProgressListener, Cancellation)}. */
    public Report analyzePending(boolean retryFailed, ProgressListener progress, Cancellation cancellation) {
        return analyzePending(AnalysisMode.FULL, retryFailed, progress, cancellation);
    }

    /**
     * Blocks until every pending track is analysed in {@code mode} or {@code cancellation} is cancelled (the
     * result then says so); progress is reported after each stored result, from the calling thread.
     */
    public Report analyzePending(AnalysisMode mode, boolean retryFailed, ProgressListener progress,
            Cancellation cancellation) {
        Objects.requireNonNull(mode, "mode");
        List<Track> pending = database.analyses().needingAnalysis(modelSha256, featureSpecHash, mode, retryFailed);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong done = new AtomicLong();
        List<String> failures = new ArrayList<>();
        int analysed = 0;
        try {
            List<Future<TrackAnalyzer.Analysed>> results = new ArrayList<>();
            for (Track track : pending) {
                results.add(pool.submit(() -> {
                    cancellation.throwIfCancelled();
                    return analyzer.analyzeWithDuration(track.path(), mode, cancellation);
                }));
            }
            for (int i = 0; i < pending.size(); i++) {
                Track track = pending.get(i);
                try {
                    TrackAnalyzer.Analysed result = results.get(i).get();
                    database.analyses().save(track.id(), modelSha256, featureSpecHash, mode, result.prediction());
                    database.tracks().setDuration(track.id(), result.durationSeconds());
                    analysed++;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof CancelledException) {
                        return new Report(analysed, failures.size(), failures, true);
                    }
                    String reason = e.getCause() instanceof AudioDecodeException decode ? decode.getMessage()
                            : track.path() + ": " + e.getCause();
                    database.analyses().saveFailure(track.id(), modelSha256, featureSpecHash, mode, reason);
                    failures.add(reason);
                }
                progress.onProgress(done.incrementAndGet(), pending.size(), track.path().toString());
            }
            return new Report(analysed, failures.size(), failures, cancellation.isCancelled());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Report(analysed, failures.size(), failures, true);
        } finally {
            pool.shutdownNow();
        }
    }
}
