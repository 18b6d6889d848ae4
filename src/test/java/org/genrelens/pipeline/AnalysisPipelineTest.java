package org.genrelens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.genrelens.audio.AudioDecodeException;
import org.genrelens.model.TrackPrediction;
import org.genrelens.task.Cancellation;
import org.genrelens.task.ProgressListener;
import org.junit.jupiter.api.Test;

/** The pipeline's contract with a scripted stage; the commands' tests run it with real audio and models. */
class AnalysisPipelineTest {

    private static final List<Path> FILES = IntStream.range(0, 10).mapToObj(i -> Path.of("track" + i + ".wav"))
            .toList();

    @Test
    void outcomesReachTheSinkInFileOrderEvenWhenLaterFilesFinishFirst() {
        CountDownLatch lastFileDone = new CountDownLatch(1);
        AnalysisStage stage = new Scripted(1) {
            @Override
            FileOutcome one(Path file) throws AudioDecodeException {
                if (file.equals(FILES.get(0))) {
                    awaitQuietly(lastFileDone);
                }
                FileOutcome outcome = super.one(file);
                if (file.equals(FILES.get(3))) {
                    lastFileDone.countDown();
                }
                return outcome;
            }
        };
        List<Integer> indices = new ArrayList<>();
        List<Path> order = new ArrayList<>();

        AnalysisPipeline.Summary summary = new AnalysisPipeline(stage, 4).run(FILES.subList(0, 4), (index, outcome) -> {
            indices.add(index);
            order.add(outcome.file());
        }, ProgressListener.NONE, Cancellation.none());

        assertEquals(List.of(0, 1, 2, 3), indices);
        assertEquals(FILES.subList(0, 4), order);
        assertEquals(new AnalysisPipeline.Summary(4, 0, 0, false), summary);
    }

    @Test
    void aBugOnOneFileOfABatchFailsOnlyThatFileAsAnInternalErrorAndTheRestGoOn() {
        Path buggy = FILES.get(5);
        Path damaged = FILES.get(2);
        AnalysisStage stage = new Scripted(4) {
            @Override
            FileOutcome one(Path file) throws AudioDecodeException {
                if (file.equals(buggy)) {
                    throw new IllegalStateException("tile index out of range");
                }
                if (file.equals(damaged)) {
                    throw new AudioDecodeException(file, AudioDecodeException.Reason.TRUNCATED, "ends at 2 s");
                }
                return super.one(file);
            }
        };
        List<FileOutcome> outcomes = new ArrayList<>();
        List<Long> progress = new ArrayList<>();

        AnalysisPipeline.Summary summary = new AnalysisPipeline(stage, 2).run(FILES, (index, outcome) ->
                outcomes.add(outcome), (done, total, message) -> progress.add(done), Cancellation.none());

        assertEquals(new AnalysisPipeline.Summary(8, 1, 1, false), summary);
        assertEquals(FILES, outcomes.stream().map(FileOutcome::file).toList());
        FileOutcome.InternalError bug = assertInstanceOf(FileOutcome.InternalError.class, outcomes.get(5));
        assertTrue(bug.message().contains("please report") && bug.message().contains("tile index out of range")
                && bug.message().contains(buggy.toString()), bug.message());
        assertTrue(!bug.message().contains("damaged"), "a bug is not the file's damage: " + bug.message());
        FileOutcome.Failed cut = assertInstanceOf(FileOutcome.Failed.class, outcomes.get(2));
        assertEquals(AudioDecodeException.Reason.TRUNCATED, cut.reason());
        assertEquals(oneToN(10), progress);
    }

    @Test
    void aCancelledRunHandsOnNothingMoreAndSaysSo() {
        Cancellation cancellation = new Cancellation();
        List<FileOutcome> outcomes = new ArrayList<>();

        AnalysisPipeline.Summary summary = new AnalysisPipeline(new Scripted(1), 1).run(FILES, (index, outcome) -> {
            outcomes.add(outcome);
            cancellation.cancel();
        }, ProgressListener.NONE, cancellation);

        assertTrue(summary.cancelled());
        assertTrue(outcomes.size() < FILES.size(), outcomes.size() + " outcomes after the cancel");
        assertEquals(outcomes.size(), summary.analysed());
    }

    private static List<Long> oneToN(int n) {
        return java.util.stream.LongStream.rangeClosed(1, n).boxed().toList();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Predicts "a" for every file, batch by batch; a batch fails as a whole when one of its files throws. */
    private static class Scripted implements AnalysisStage {
        private final int batchSize;

        Scripted(int batchSize) {
            this.batchSize = batchSize;
        }

        FileOutcome one(Path file) throws AudioDecodeException {
            return new FileOutcome.Analysed(file, new TrackPrediction(List.of("a", "b"), new float[] {0.9f, 0.1f},
                    new float[][] {{0.9f, 0.1f}}, false, false), 30);
        }

        @Override
        public List<FileOutcome> analyse(List<Path> files, Cancellation cancellation) {
            List<FileOutcome> out = new ArrayList<>();
            for (Path file : files) {
                try {
                    out.add(one(file));
                } catch (AudioDecodeException e) {
                    out.add(FileOutcome.Failed.of(e));
                }
            }
            return out;
        }

        @Override
        public int batchSize() {
            return batchSize;
        }
    }
}
