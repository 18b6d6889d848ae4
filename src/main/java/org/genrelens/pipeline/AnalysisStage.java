package org.genrelens.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.genrelens.audio.AudioDecodeException;
import org.genrelens.inference.TrackAnalyzer;
import org.genrelens.model.AnalysisMode;
import org.genrelens.task.Cancellation;

/**
 * The decode → tiles → classify stage of the pipeline for a batch of files. A bad file is its own {@link
 * FileOutcome.Failed}; a thrown RuntimeException means GenreLens failed, and the pipeline turns it into an
 * {@link FileOutcome.InternalError} of the file that caused it.
 */
public interface AnalysisStage {

    /** Files quick mode reads through one ffmpeg process: its start costs more than the decoding. */
    int QUICK_BATCH = 4;

    /**
     * One {@link FileOutcome.Analysed} or {@link FileOutcome.Failed} per file, in order.
     *
     * @throws org.genrelens.task.CancelledException when cancelled
     */
    List<FileOutcome> analyse(List<Path> files, Cancellation cancellation);

    /** How many files {@link #analyse} takes at once; 1 = one at a time. */
    int batchSize();

    /** The real stage: every window in full mode, a few spread windows of a few files per ffmpeg run in quick. */
    static AnalysisStage of(TrackAnalyzer analyzer, AnalysisMode mode) {
        Objects.requireNonNull(analyzer, "analyzer");
        Objects.requireNonNull(mode, "mode");
        return mode == AnalysisMode.QUICK ? new Quick(analyzer) : new Full(analyzer);
    }

    /** One file at a time, every window. */
    record Full(TrackAnalyzer analyzer) implements AnalysisStage {
        @Override
        public List<FileOutcome> analyse(List<Path> files, Cancellation cancellation) {
            List<FileOutcome> out = new ArrayList<>(files.size());
            for (Path file : files) {
                try {
                    TrackAnalyzer.Analysed analysed = analyzer.analyzeWithDuration(file, AnalysisMode.FULL,
                            cancellation);
                    out.add(new FileOutcome.Analysed(file, analysed.prediction(), analysed.durationSeconds()));
                } catch (AudioDecodeException e) {
                    out.add(FileOutcome.Failed.of(e));
                }
            }
            return out;
        }

        @Override
        public int batchSize() {
            return 1;
        }
    }

    /** {@link #QUICK_BATCH} files' excerpts through one decoder run. */
    record Quick(TrackAnalyzer analyzer) implements AnalysisStage {
        @Override
        public List<FileOutcome> analyse(List<Path> files, Cancellation cancellation) {
            List<FileOutcome> out = new ArrayList<>(files.size());
            for (TrackAnalyzer.Outcome outcome : analyzer.analyzeQuick(files, cancellation)) {
                out.add(outcome.error() != null ? FileOutcome.Failed.of(outcome.error())
                        : new FileOutcome.Analysed(outcome.file(), outcome.analysed().prediction(),
                                outcome.analysed().durationSeconds()));
            }
            return out;
        }

        @Override
        public int batchSize() {
            return QUICK_BATCH;
        }
    }
}
