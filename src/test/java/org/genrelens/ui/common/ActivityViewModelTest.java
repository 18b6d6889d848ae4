package org.genrelens.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.genrelens.task.CancelledException;
import org.junit.jupiter.api.Test;

/** The status bar's task: progress, ETA, cancel, failures; on the same thread, without the FX toolkit. */
class ActivityViewModelTest {

    @Test
    void progressShowsCountsAndAnEtaFromTheRateSoFar() {
        AtomicLong clock = new AtomicLong();
        ActivityViewModel activity = new ActivityViewModel(clock::get);
        BackgroundRunner runner = BackgroundRunner.sameThread(activity);
        List<String> seen = new ArrayList<>();

        runner.run("Analysing", (progress, cancellation) -> {
            clock.set(Duration.ofSeconds(10).toNanos());
            progress.onProgress(1, 4, "Analysing: a.mp3");
            seen.add(activity.messageProperty().get());
            seen.add(Double.toString(activity.progressProperty().get()));
            return 4;
        }, done -> { }, error -> { });

        assertEquals(List.of("Analysing: a.mp3  1/4  ETA 0:30", "0.25"), seen);
        assertEquals("Analysing: done", activity.messageProperty().get());
        assertFalse(activity.isRunning());
    }

    @Test
    void cancelStopsTheJobAndCallsNeitherCallback() {
        ActivityViewModel activity = new ActivityViewModel();
        BackgroundRunner runner = BackgroundRunner.sameThread(activity);
        List<Object> callbacks = new ArrayList<>();

        runner.run("Scanning", (progress, cancellation) -> {
            activity.cancel();
            cancellation.throwIfCancelled();
            return "never";
        }, callbacks::add, callbacks::add);

        assertTrue(callbacks.isEmpty());
        assertEquals("Scanning: cancelled", activity.messageProperty().get());
    }

    @Test
    void aFailureReachesTheErrorCallbackWithAReadableMessage() {
        ActivityViewModel activity = new ActivityViewModel();
        List<String> shown = new ArrayList<>();

        BackgroundRunner.sameThread(activity).run("Writing tags", (progress, cancellation) -> {
            throw new IllegalStateException("song.mp3 is read-only");
        }, done -> { }, error -> shown.add(ErrorReporter.readable(error)));

        assertEquals(List.of("song.mp3 is read-only"), shown);
        assertEquals("Writing tags: failed", activity.messageProperty().get());
    }

    @Test
    void durationsReadLikeAClock() {
        assertEquals("0:05", ActivityViewModel.formatDuration(Duration.ofSeconds(5)));
        assertEquals("1:02:05", ActivityViewModel.formatDuration(Duration.ofSeconds(3725)));
        assertTrue(new CancelledException() instanceof RuntimeException);
    }
}
