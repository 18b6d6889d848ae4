package org.genrelens.app.library;

import org.genrelens.app.ExitCodes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.genrelens.workspace.review.ReviewDecision;
import org.genrelens.workspace.review.ReviewItem;
import org.genrelens.workspace.review.ReviewQueue;

/**
 * {@code genrelens review --interactive}: asks about each track in the queue's order, one letter per answer (a plain
 * terminal hands Java whole lines, so each letter ends with Enter). Each decision is stored at once, so quitting
 * halfway keeps what was decided.
 */
public final class InteractiveReview {

    private final ReviewQueue queue;
    private final BufferedReader input;
    private final PrintWriter out;

    InteractiveReview(ReviewQueue queue, BufferedReader input, PrintWriter out) {
        this.queue = queue;
        this.input = input;
        this.out = out;
    }

    int run(List<ReviewItem> items) throws IOException {
        int decided = 0;
        for (int i = 0; i < items.size(); i++) {
            ReviewItem item = items.get(i);
            out.println(ReviewPrinter.line(i + 1, item));
            Optional<ReviewDecision> decision = ask(item);
            if (decision.isEmpty()) {
                break;
            }
            Optional<String> genre = queue.decide(item, decision.get());
            out.println(genre.map(g -> "  confirmed " + g).orElse("  skipped"));
            decided++;
        }
        out.printf(Locale.ROOT, "%d of %d decided%n", decided, items.size());
        return ExitCodes.OK;
    }

    /** The decision for one track; empty to quit (q, or the end of the input). */
    private Optional<ReviewDecision> ask(ReviewItem item) throws IOException {
        while (true) {
            out.print("  [a]ccept " + item.predicted() + (item.tag() != null ? ", [k]eep tag " + item.tag() : "")
                    + ", [c]orrect, [s]kip, [q]uit: ");
            out.flush();
            String answer = input.readLine();
            if (answer == null) {
                return Optional.empty();
            }
            switch (answer.strip().toLowerCase(Locale.ROOT)) {
                case "a" -> {
                    return Optional.of(ReviewDecision.accept());
                }
                case "k" -> {
                    if (item.tag() != null) {
                        return Optional.of(ReviewDecision.keepTag());
                    }
                }
                case "c" -> {
                    out.print("  genre: ");
                    out.flush();
                    String genre = input.readLine();
                    if (genre == null) {
                        return Optional.empty();
                    }
                    if (!genre.isBlank()) {
                        return Optional.of(ReviewDecision.correct(genre.strip()));
                    }
                }
                case "s" -> {
                    return Optional.of(ReviewDecision.skip());
                }
                case "q" -> {
                    return Optional.empty();
                }
                default -> {
                    // asked again below
                }
            }
        }
    }
}
