package org.genrelens.app.library;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.genrelens.workspace.review.ReviewItem;

/** Prints the review queue: one line per track for people, or a JSON array for scripts. */
public final class ReviewPrinter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReviewPrinter() {
    }

    /** "1. DISAGREES 0.921 /music/a.flac (Artist - Title): tagged Rock, predicted Jazz 94% (then Blues 3%)" */
    static String line(int position, ReviewItem item) {
        return String.format(Locale.ROOT, "%d. %-9s %.3f %s%s: %s, predicted %s %.0f%%%s", position, item.kind(),
                item.score(), item.track().path(), byline(item), tagText(item), item.predicted(),
                item.confidence() * 100, item.runnerUp().isEmpty() ? "" : String.format(Locale.ROOT,
                        " (then %s %.0f%%)", item.runnerUp(), item.runnerUpProbability() * 100));
    }

    private static String byline(ReviewItem item) {
        var tags = item.track().tags();
        String artist = tags.artist() == null || tags.artist().isBlank() ? "?" : tags.artist().strip();
        String title = tags.title() == null || tags.title().isBlank() ? "?" : tags.title().strip();
        return artist.equals("?") && title.equals("?") ? "" : " (" + artist + " - " + title + ")";
    }

    private static String tagText(ReviewItem item) {
        return item.tags().isEmpty() ? "no genre tag" : "tagged " + String.join("; ", item.tags());
    }

    static void text(List<ReviewItem> items, int total, PrintWriter out) {
        for (int i = 0; i < items.size(); i++) {
            out.println(line(i + 1, items.get(i)));
        }
        out.printf(Locale.ROOT, "%d of %d track(s) to review; decide with --accept PATH, --keep-tag PATH, "
                + "--correct PATH=GENRE or --skip PATH, or one by one with --interactive%n", items.size(), total);
    }

    static void json(List<ReviewItem> items, PrintWriter out) throws JsonProcessingException {
        out.println(JSON.writeValueAsString(items.stream().map(ReviewPrinter::fields).toList()));
    }

    private static Map<String, Object> fields(ReviewItem item) {
        var tags = item.track().tags();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("path", item.track().path().toString());
        fields.put("artist", tags.artist());
        fields.put("title", tags.title());
        fields.put("kind", item.kind().name());
        fields.put("tags", item.tags());
        fields.put("tag", item.tag());
        fields.put("prediction", item.predicted());
        fields.put("confidence", item.confidence());
        fields.put("runnerUp", item.runnerUp().isEmpty() ? null : item.runnerUp());
        fields.put("runnerUpProbability", item.runnerUpProbability());
        fields.put("score", item.score());
        return fields;
    }
}
