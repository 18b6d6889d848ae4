package org.genrelens.app;

import java.nio.file.Path;
import java.util.List;
import org.genrelens.pipeline.AnalysisStage;
import org.genrelens.pipeline.FileOutcome;
import org.genrelens.task.Cancellation;

/** The real analysis stage, except that it throws for one file name, as a bug in our own code would. */
final class BuggyStage implements AnalysisStage {

    static final String BUG = "window index -1 out of range";

    private final AnalysisStage real;
    private final String failingName;

    private BuggyStage(AnalysisStage real, String failingName) {
        this.real = real;
        this.failingName = failingName;
    }

    static StageFactory failingOn(String fileName) {
        return (analyzer, mode) -> new BuggyStage(StageFactory.REAL.create(analyzer, mode), fileName);
    }

    @Override
    public List<FileOutcome> analyse(List<Path> files, Cancellation cancellation) {
        if (files.stream().anyMatch(file -> file.getFileName().toString().equals(failingName))) {
            throw new IllegalStateException(BUG);
        }
        return real.analyse(files, cancellation);
    }

    @Override
    public int batchSize() {
        return real.batchSize();
    }
}
