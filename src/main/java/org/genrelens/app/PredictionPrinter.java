package org.genrelens.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.StringJoiner;
import org.genrelens.model.GenreScore;
import org.genrelens.model.TrackPrediction;

/** Writes predictions as aligned text lines or as JSON Lines (one object per track). */
public final class PredictionPrinter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintWriter out;
    private final boolean json;

    PredictionPrinter(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    /** @param durationSeconds the track's decoded length, in the JSON form only */
    void print(Path file, TrackPrediction prediction, double durationSeconds) {
        out.println(json ? toJson(file, prediction, durationSeconds) : toText(file, prediction));
        out.flush();
    }

    /** Failures go to the JSON stream too, so a machine reader sees every file once. */
    void printFailure(Path file, String reason) {
        if (json) {
            ObjectNode node = JSON.createObjectNode();
            node.put("path", file.toString());
            node.put("error", reason);
            out.println(write(node));
            out.flush();
        }
    }

    static String toText(Path file, TrackPrediction prediction) {
        StringJoiner top = new StringJoiner(", ");
        for (GenreScore score : prediction.top(3)) {
            top.add(String.format(Locale.ROOT, "%s %.2f", score.genre(), score.probability()));
        }
        StringBuilder flags = new StringBuilder();
        if (prediction.uncertain()) {
            flags.append(" [uncertain]");
        }
        if (prediction.padded()) {
            flags.append(" [shorter than one window]");
        }
        return String.format(Locale.ROOT, "%-10s %.2f  top-3: %-42s %s%s", prediction.topGenre(),
                prediction.confidence(), top, file, flags);
    }

    static String toJson(Path file, TrackPrediction prediction, double durationSeconds) {
        ObjectNode node = JSON.createObjectNode();
        node.put("path", file.toString());
        node.put("durationSeconds", Math.round(durationSeconds * 1000) / 1000.0);
        node.put("genre", prediction.topGenre());
        node.put("confidence", prediction.confidence());
        node.put("uncertain", prediction.uncertain());
        node.put("padded", prediction.padded());
        node.put("windows", prediction.windowCount());
        ArrayNode top = node.putArray("top");
        for (GenreScore score : prediction.top(3)) {
            top.addObject().put("genre", score.genre()).put("probability", score.probability());
        }
        ObjectNode all = node.putObject("probabilities");
        float[] probabilities = prediction.probabilities();
        for (int i = 0; i < probabilities.length; i++) {
            all.put(prediction.labels().get(i), probabilities[i]);
        }
        return write(node);
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }
}
