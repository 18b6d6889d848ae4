package org.genrelens.pipeline;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.genrelens.task.Cancellation;
import org.genrelens.task.CancelledException;
import org.genrelens.task.ProgressListener;

/**
 * Analyses many files, the one way {@code classify}, {@code analyze}, {@code tag} and the app do it: batches of
 * files go through the {@link AnalysisStage} on a bounded pool of workers, and each file's {@link FileOutcome}
 * reaches the caller's {@link OutcomeSink} (print, store) in the order of the files, on the calling thread.
 *
 * <p>One failure policy: a bad file fails alone with its reason; an exception from our own code fails the file that
 * caused it as an {@link FileOutcome.InternalError} (stack trace logged) and the batch goes on. Only cancellation,
 * an error of the JVM itself, or an exception from the sink ends a run early.
 */
public final class AnalysisPipeline {

    private static final Logger LOG = Logger.getLogger(AnalysisPipeline.class.getName());

    /** Receives each file's outcome, in the order of the files, on the thread that called {@link #run}. */
    @FunctionalInterface
    public interface OutcomeSink {
        /** @param index the file's position in the list given to {@link #run} */
        void accept(int index, FileOutcome outcome);
    }

    /** What one run did; {@code cancelled} runs handed on only the outcomes counted here. */
    public record Summary(int analysed, int failed, int internalErrors, boolean cancelled) {
    }

    private final AnalysisStage stage;
    private final int threads;

    /** @param jobs files (or quick batches) analysed in parallel; 0 = one per core */
    public AnalysisPipeline(AnalysisStage stage, int jobs) {
        this.stage = Objects.requireNonNull(stage, "stage");
        if (jobs < 0) {
            throw new IllegalArgumentException("jobs must be 0 (one per core) or more, not " + jobs);
        }
        this.threads = jobs > 0 ? jobs : Runtime.getRuntime().availableProcessors();
    }

    /**
     * Blocks until every file's outcome has reached {@code sink} or {@code cancellation} is cancelled (the summary
     * then says so). Progress is reported after each outcome, from the calling thread.
     */
    public Summary run(List<Path> files, OutcomeSink sink, ProgressListener progress, Cancellation cancellation) {
        List<List<Path>> batches = batches(List.copyOf(files), Math.max(1, stage.batchSize()));
        // a few batches ahead keeps every worker busy without holding a whole library's results in memory
        int ahead = 2 * threads;
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        Deque<Future<List<FileOutcome>>> inFlight = new ArrayDeque<>();
        int submitted = 0;
        int index = 0;
        int analysed = 0;
        int failed = 0;
        int internal = 0;
        try {
            for (List<Path> batch : batches) {
                while (submitted < batches.size() && inFlight.size() < ahead) {
                    List<Path> next = batches.get(submitted++);
                    inFlight.add(pool.submit(() -> analyse(next, cancellation)));
                }
                List<FileOutcome> outcomes;
                try {
                    outcomes = inFlight.removeFirst().get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof CancelledException) {
                        return new Summary(analysed, failed, internal, true);
                    }
                    // analyse() turns every exception but the JVM's own errors into outcomes
                    throw new IllegalStateException("analysing " + batch.get(0) + " failed", e.getCause());
                }
                for (FileOutcome outcome : outcomes) {
                    if (outcome instanceof FileOutcome.Analysed) {
                        analysed++;
                    } else if (outcome instanceof FileOutcome.Failed) {
                        failed++;
                    } else {
                        internal++;
                    }
                    sink.accept(index++, outcome);
                    progress.onProgress(index, files.size(), outcome.file().toString());
                }
            }
            return new Summary(analysed, failed, internal, cancellation.isCancelled());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Summary(analysed, failed, internal, true);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One outcome per file of the batch; a batch that throws is retried file by file to find the file at fault. */
    private List<FileOutcome> analyse(List<Path> batch, Cancellation cancellation) {
        cancellation.throwIfCancelled();
        try {
            List<FileOutcome> outcomes = stage.analyse(batch, cancellation);
            if (outcomes.size() != batch.size()) {
                throw new IllegalStateException("the analysis stage returned " + outcomes.size() + " outcome(s) for "
                        + batch.size() + " file(s)");
            }
            return outcomes;
        } catch (CancelledException e) {
            throw e;
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            if (cancellation.isCancelled()) {
                // interrupted I/O after a cancel is the cancel, not a bug
                throw new CancelledException();
            }
            if (batch.size() > 1) {
                List<FileOutcome> oneByOne = new ArrayList<>(batch.size());
                for (Path file : batch) {
                    oneByOne.addAll(analyse(List.of(file), cancellation));
                }
                return oneByOne;
            }
            FileOutcome.InternalError error = new FileOutcome.InternalError(batch.get(0), e);
            LOG.log(Level.SEVERE, error.message(), e);
            return List.of(error);
        }
    }

    private static List<List<Path>> batches(List<Path> files, int size) {
        List<List<Path>> out = new ArrayList<>();
        for (int start = 0; start < files.size(); start += size) {
            out.add(files.subList(start, Math.min(files.size(), start + size)));
        }
        return out;
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "analysis-" + count.incrementAndGet());
            // a worker stuck in a decoder must not keep the JVM alive after the caller gave up
            thread.setDaemon(true);
            return thread;
        };
    }
}
