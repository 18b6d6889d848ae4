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

    /** Tracks whose excerpts one ffmpeg process reads in quick mode. */
    static final int QUICK_BATCH = 4;

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
        // quick mode reads a few tracks' excerpts through one ffmpeg process: its start costs more than the decoding
        int batchSize = mode == AnalysisMode.QUICK ? QUICK_BATCH : 1;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong done = new AtomicLong();
        List<String> failures = new ArrayList<>();
        int analysed = 0;
        try {
            List<List<Track>> batches = new ArrayList<>();
            for (int i = 0; i < pending.size(); i += batchSize) {
                batches.add(pending.subList(i, Math.min(pending.size(), i + batchSize)));
            }
            List<Future<List<TrackAnalyzer.Outcome>>> results = new ArrayList<>();
            for (List<Track> batch : batches) {
                results.add(pool.submit(() -> {
                    cancellation.throwIfCancelled();
                    return analyse(batch, mode, cancellation);
                }));
            }
            for (int b = 0; b < batches.size(); b++) {
                List<TrackAnalyzer.Outcome> outcomes;
                try {
                    outcomes = results.get(b).get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof CancelledException) {
                        return new Report(analysed, failures.size(), failures, true);
                    }
                    throw new IllegalStateException("analysing " + batches.get(b).get(0).path() + " failed",
                            e.getCause());
                }
                for (int i = 0; i < outcomes.size(); i++) {
                    Track track = batches.get(b).get(i);
                    TrackAnalyzer.Outcome outcome = outcomes.get(i);
                    if (outcome.error() == null) {
                        database.analyses().save(track.id(), modelSha256, featureSpecHash, mode,
                                outcome.analysed().prediction());
                        database.tracks().setDuration(track.id(), outcome.analysed().durationSeconds());
                        analysed++;
                    } else {
                        String reason = outcome.error().getMessage();
                        database.analyses().saveFailure(track.id(), modelSha256, featureSpecHash, mode, reason);
                        failures.add(reason);
                    }
                    progress.onProgress(done.incrementAndGet(), pending.size(), track.path().toString());
                }
            }
            return new Report(analysed, failures.size(), failures, cancellation.isCancelled());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Report(analysed, failures.size(), failures, true);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One batch's outcomes; an unexpected failure of one track (a bug, not bad audio) becomes its failure. */
    private List<TrackAnalyzer.Outcome> analyse(List<Track> batch, AnalysisMode mode, Cancellation cancellation) {
        if (mode == AnalysisMode.QUICK) {
            try {
                return analyzer.analyzeQuick(batch.stream().map(Track::path).toList(), cancellation);
            } catch (RuntimeException e) {
                if (e instanceof CancelledException) {
                    throw e;
                }
                if (batch.size() > 1) {
                    List<TrackAnalyzer.Outcome> one = new ArrayList<>();
                    for (Track track : batch) {
                        one.addAll(analyse(List.of(track), mode, cancellation));
                    }
                    return one;
                }
                return List.of(unexpected(batch.get(0), e));
            }
        }
        Track track = batch.get(0);
        try {
            return List.of(new TrackAnalyzer.Outcome(track.path(),
                    analyzer.analyzeWithDuration(track.path(), mode, cancellation), null));
        } catch (AudioDecodeException e) {
            return List.of(new TrackAnalyzer.Outcome(track.path(), null, e));
        } catch (RuntimeException e) {
            if (e instanceof CancelledException) {
                throw e;
            }
            return List.of(unexpected(track, e));
        }
    }

    private static TrackAnalyzer.Outcome unexpected(Track track, RuntimeException e) {
        return new TrackAnalyzer.Outcome(track.path(), null, new AudioDecodeException(track.path(),
                AudioDecodeException.Reason.CORRUPT, e.getClass().getSimpleName() + ": " + e.getMessage(), e));
    }
}
