package org.genrelens.ui.common;

import java.time.Duration;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import java.util.function.LongSupplier;
import org.genrelens.task.Cancellation;

/** The background task the status bar shows: what runs, how far it is, its ETA, and Cancel. */
public final class ActivityViewModel {

    private final StringProperty message = new SimpleStringProperty("Ready");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final LongSupplier clock;
    private Ticket current;

    public ActivityViewModel() {
        this(System::nanoTime);
    }

    ActivityViewModel(LongSupplier nanoClock) {
        this.clock = nanoClock;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** 0..1, or -1 while the amount of work is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public boolean isRunning() {
        return running.get();
    }

    /** Cancels the running task, if any. */
    public void cancel() {
        if (current != null) {
            current.cancellation.cancel();
            message.set(current.title + ": cancelling...");
        }
    }

    Ticket begin(String title, Cancellation cancellation) {
        current = new Ticket(title, cancellation, clock.getAsLong());
        running.set(true);
        progress.set(-1);
        message.set(title + "...");
        return current;
    }

    /** One task's handle on the status bar; only the newest task may change it. */
    public final class Ticket {
        private final String title;
        private final Cancellation cancellation;
        private final long startedNanos;

        private Ticket(String title, Cancellation cancellation, long startedNanos) {
            this.title = title;
            this.cancellation = cancellation;
            this.startedNanos = startedNanos;
        }

        void progress(long done, long total, String what) {
            if (current != this) {
                return;
            }
            progress.set(total > 0 ? Math.min(1.0, (double) done / total) : -1);
            StringBuilder text = new StringBuilder(what == null || what.isBlank() ? title : what);
            if (total > 0) {
                text.append("  ").append(done).append('/').append(total);
                if (done > 0 && done < total) {
                    long elapsed = clock.getAsLong() - startedNanos;
                    Duration eta = Duration.ofNanos((long) (elapsed * ((double) (total - done) / done)));
                    text.append("  ETA ").append(formatDuration(eta));
                }
            }
            message.set(text.toString());
        }

        void finish(String summary) {
            if (current != this) {
                return;
            }
            running.set(false);
            progress.set(0);
            message.set(summary);
            current = null;
        }
    }

    /** "1:05" or "1:02:05". */
    public static String formatDuration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        long hours = seconds / 3600;
        return hours > 0 ? String.format("%d:%02d:%02d", hours, seconds / 60 % 60, seconds % 60)
                : String.format("%d:%02d", seconds / 60, seconds % 60);
    }
}
