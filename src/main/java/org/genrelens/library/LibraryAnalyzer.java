package org.genrelens.library;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.genrelens.inference.TrackAnalyzer;
import org.genrelens.model.AnalysisMode;
import org.genrelens.pipeline.AnalysisPipeline;
import org.genrelens.pipeline.AnalysisStage;
import org.genrelens.pipeline.FileOutcome;
import org.genrelens.task.Cancellation;
import org.genrelens.task.ProgressListener;

/**
 * Analyses every track that has no analysis for this model and FeatureSpec yet, through the {@link
 * AnalysisPipeline} (decoding and tiles run in parallel; the shared ONNX session batches each track's windows).
 * Each outcome is stored as soon as it is known, with the mode that made it and why it failed, so a killed or
 * cancelled run keeps what it finished and the next run goes on. A full run also redoes the tracks that only have a
 * quick analysis; a quick run skips the tracks that have either.
 */
public final class LibraryAnalyzer {

    /** What one run did; {@code failed} counts {@code internalErrors} too, and {@code failures} lists them all. */
    public record Report(int analysed, int failed, List<String> failures, boolean cancelled, int internalErrors) {
    }

    private final LibraryDatabase database;
    private final Function<AnalysisMode, AnalysisStage> stages;
    private final String modelSha256;
    private final String featureSpecHash;
    private final int jobs;

    public LibraryAnalyzer(LibraryDatabase database, TrackAnalyzer analyzer, String modelSha256, int jobs) {
        this(database, mode -> AnalysisStage.of(analyzer, mode), modelSha256, analyzer.spec().hash(), jobs);
    }

    /** @param stages the stage that analyses in a mode (tests put a failing one here) */
    public LibraryAnalyzer(LibraryDatabase database, Function<AnalysisMode, AnalysisStage> stages,
            String modelSha256, String featureSpecHash, int jobs) {
        this.database = Objects.requireNonNull(database, "database");
        this.stages = Objects.requireNonNull(stages, "stages");
        this.modelSha256 = Objects.requireNonNull(modelSha256, "modelSha256");
        this.featureSpecHash = Objects.requireNonNull(featureSpecHash, "featureSpecHash");
        this.jobs = jobs;
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
        List<String> failures = new ArrayList<>();
        AnalysisPipeline.Summary summary = new AnalysisPipeline(stages.apply(mode), jobs).run(
                pending.stream().map(Track::path).toList(),
                (index, outcome) -> store(pending.get(index), mode, outcome, failures), progress, cancellation);
        return new Report(summary.analysed(), summary.failed() + summary.internalErrors(), failures,
                summary.cancelled(), summary.internalErrors());
    }

    private void store(Track track, AnalysisMode mode, FileOutcome outcome, List<String> failures) {
        if (outcome instanceof FileOutcome.Analysed analysed) {
            database.analyses().save(track.id(), modelSha256, featureSpecHash, mode, analysed.prediction());
            database.tracks().setDuration(track.id(), analysed.durationSeconds());
        } else if (outcome instanceof FileOutcome.Failed failed) {
            database.analyses().saveFailure(track.id(), modelSha256, featureSpecHash, mode,
                    Analysis.Failure.of(failed.reason()), failed.message());
            failures.add(failed.message());
        } else if (outcome instanceof FileOutcome.InternalError internal) {
            database.analyses().saveFailure(track.id(), modelSha256, featureSpecHash, mode,
                    Analysis.Failure.INTERNAL_ERROR, internal.message());
            failures.add(internal.message());
        }
    }
}
