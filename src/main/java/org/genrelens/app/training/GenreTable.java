package org.genrelens.app.training;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.genrelens.training.evaluation.ClassificationMetrics;

/** Per-genre precision, recall and F1, then the confusion matrix: what {@code evaluate} and {@code train} print. */
public final class GenreTable {

    private GenreTable() {
    }

    static void print(PrintWriter out, ClassificationMetrics track) {
        List<String> labels = track.labels();
        String heading = "genre (track level)";
        int width = Math.max(heading.length(), labels.stream().mapToInt(String::length).max().orElse(0));
        out.printf(Locale.ROOT, "%-" + width + "s  precision  recall     F1  clips%n", heading);
        for (int k = 0; k < labels.size(); k++) {
            int support = 0;
            for (int v : track.confusion()[k]) {
                support += v;
            }
            out.printf(Locale.ROOT, "%-" + width + "s  %9.3f  %6.3f  %5.3f  %5d%n", labels.get(k), track.precision(k),
                    track.recall(k), track.f1(k), support);
        }
        out.println("confusion, track level (rows = true, columns = predicted):");
        StringBuilder header = new StringBuilder(" ".repeat(width));
        labels.forEach(label -> header.append(String.format(Locale.ROOT, " %6.6s", label)));
        out.println(header);
        for (int k = 0; k < labels.size(); k++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", labels.get(k)));
            for (int v : track.confusion()[k]) {
                row.append(String.format(Locale.ROOT, " %6d", v));
            }
            out.println(row);
        }
    }
}
