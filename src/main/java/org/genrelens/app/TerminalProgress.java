package org.genrelens.app;

import java.io.PrintWriter;
import java.util.Locale;
import org.genrelens.task.ProgressListener;

/** A one-line progress bar on the error stream, redrawn in place. */
public final class TerminalProgress implements ProgressListener {

    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final long started = System.nanoTime();
    private String lastLine = "";
    private int lastPercent = -1;
    private final boolean interactive = System.console() != null;
    private long lastCompleted = -1;

    public TerminalProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void onProgress(long done, long total, String message) {
        if (!interactive) {
            // piped or logged output gets one line when a stage completes, not hundreds of redraws
            if (total > 0 && done >= total && done != lastCompleted) {
                lastCompleted = done;
                err.println("done " + done + "/" + total);
                err.flush();
            }
            return;
        }
        String line;
        if (total > 0) {
            int filled = (int) Math.min(WIDTH, WIDTH * done / total);
            int percent = (int) Math.min(100, 100 * done / total);
            if (percent == lastPercent && done < total) {
                return; // at most one redraw per percent: piped output stays short
            }
            lastPercent = percent;
            double elapsed = (System.nanoTime() - started) / 1e9;
            String eta = done > 0 && done < total
                    ? String.format(Locale.ROOT, " eta %.0f s", elapsed / done * (total - done)) : "";
            line = String.format(Locale.ROOT, "[%s%s] %d/%d%s", "#".repeat(filled), ".".repeat(WIDTH - filled),
                    done, total, eta);
        } else {
            line = message;
        }
        if (!line.equals(lastLine)) {
            err.print("\r" + line + " ".repeat(Math.max(0, lastLine.length() - line.length())));
            err.flush();
            lastLine = line;
        }
    }

    /** Ends the bar's line so later output starts on a fresh one. */
    public synchronized void finish() {
        if (!lastLine.isEmpty()) {
            err.println();
            lastLine = "";
        }
    }
}
