package org.genrelens.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import org.genrelens.task.Cancellation;
import org.genrelens.task.CancelledException;
import org.genrelens.task.ProgressListener;

/**
 * Runs blocking core work off the FX thread and hands results back on it. Tests build one with same-thread
 * executors, so view models are tested without the toolkit.
 */
public final class BackgroundRunner {

    /** A blocking piece of core work. */
    @FunctionalInterface
    public interface Job<T> {
        T run(ProgressListener progress, Cancellation cancellation) throws Exception;
    }

    private static final Logger LOG = Logger.getLogger(BackgroundRunner.class.getName());

    private final Executor worker;
    private final Executor ui;
    private final ActivityViewModel activity;

    public BackgroundRunner(Executor worker, Executor ui, ActivityViewModel activity) {
        this.worker = worker;
        this.ui = ui;
        this.activity = activity;
    }

    /** Daemon worker threads; results on the FX application thread. */
    public static BackgroundRunner forApplication(ActivityViewModel activity) {
        ExecutorService pool = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "genrelens-background");
            thread.setDaemon(true);
            return thread;
        });
        return new BackgroundRunner(pool, Platform::runLater, activity);
    }

    /** Runs immediately on the calling thread; for view model tests. */
    public static BackgroundRunner sameThread(ActivityViewModel activity) {
        return new BackgroundRunner(Runnable::run, Runnable::run, activity);
    }

    public ActivityViewModel activity() {
        return activity;
    }

    public Executor ui() {
        return ui;
    }

    /**
     * Runs a job shown in the status bar (progress, ETA, Cancel). A cancelled job calls neither callback; a failed
     * one is logged and handed to {@code onFailure}.
     */
    public <T> void run(String title, Job<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Cancellation cancellation = new Cancellation();
        ActivityViewModel.Ticket ticket = activity.begin(title, cancellation);
        worker.execute(() -> {
            try {
                T result = job.run((done, total, message) -> ui.execute(() -> ticket.progress(done, total, message)),
                        cancellation);
                ui.execute(() -> {
                    ticket.finish(cancellation.isCancelled() ? title + ": cancelled" : title + ": done");
                    onSuccess.accept(result);
                });
            } catch (CancelledException e) {
                ui.execute(() -> ticket.finish(title + ": cancelled"));
            } catch (Exception | Error e) {
                LOG.log(Level.WARNING, title + " failed", e);
                ui.execute(() -> {
                    ticket.finish(title + ": failed");
                    onFailure.accept(e);
                });
            }
        });
    }

    /** Runs quiet background work (loading a view) without the status bar. */
    public <T> void load(Job<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Cancellation cancellation = new Cancellation();
        worker.execute(() -> {
            try {
                T result = job.run(ProgressListener.NONE, cancellation);
                ui.execute(() -> onSuccess.accept(result));
            } catch (Exception | Error e) {
                LOG.log(Level.FINE, "background load failed", e);
                ui.execute(() -> onFailure.accept(e));
            }
        });
    }
}
