package org.genrelens.training.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.genrelens.inference.AtomicFiles;
import org.genrelens.inference.WindowAverager;

/**
 * A model's scores on one set of clips, at two levels: track (each clip's window probabilities averaged, as
 * the application classifies a song) and window (each window on its own, which shows how much the averaging
 * adds). Always says which split it was measured on.
 *
 * @param splitName   which split and side, e.g. {@code gtzan-fault-filtered/test}
 * @param protocol    how the numbers were computed, in words
 * @param labels      the model's labels, the order of the confusion matrices
 * @param trackLevel  one prediction per clip
 * @param windowLevel one prediction per window
 * @param skipped     clips that could not be read, with the reason; they are in neither level
 */
public record EvaluationReport(String splitName, String protocol, List<String> labels,
        ClassificationMetrics trackLevel, ClassificationMetrics windowLevel, List<String> skipped) {

    static final String PROTOCOL = "track level: each clip's window probabilities averaged, top genre; "
            + "window level: each window's top genre; clips are split by clip, never by window";

    public EvaluationReport {
        if (splitName == null || splitName.isBlank()) {
            throw new IllegalArgumentException("a report must say which split it was measured on");
        }
        Objects.requireNonNull(protocol, "protocol");
        labels = List.copyOf(labels);
        Objects.requireNonNull(trackLevel, "trackLevel");
        Objects.requireNonNull(windowLevel, "windowLevel");
        if (!trackLevel.labels().equals(labels) || !windowLevel.labels().equals(labels)) {
            throw new IllegalArgumentException("both levels must use the report's labels " + labels);
        }
        skipped = List.copyOf(skipped);
    }

    /**
     * Scores the predictions; a clip's true genre must be one of {@code labels}, and each window row must have
     * one probability per label.
     */
    public static EvaluationReport of(String splitName, List<String> labels, List<ClipPrediction> predictions,
            List<String> skipped) {
        int windows = predictions.stream().mapToInt(p -> p.windowProbabilities().length).sum();
        int[] trackTruth = new int[predictions.size()];
        int[] trackPredicted = new int[predictions.size()];
        int[] windowTruth = new int[windows];
        int[] windowPredicted = new int[windows];
        int w = 0;
        for (int i = 0; i < predictions.size(); i++) {
            ClipPrediction prediction = predictions.get(i);
            int truth = labels.indexOf(prediction.clip().genre());
            if (truth < 0) {
                throw new IllegalArgumentException(prediction.clip().file() + " is " + prediction.clip().genre()
                        + ", which is not among the labels " + labels);
            }
            float[][] rows = prediction.windowProbabilities();
            if (rows[0].length != labels.size()) {
                throw new IllegalArgumentException("the windows of " + prediction.clip().file() + " have "
                        + rows[0].length + " probabilities for " + labels.size() + " labels");
            }
            trackTruth[i] = truth;
            trackPredicted[i] = argmax(WindowAverager.mean(rows));
            for (float[] row : rows) {
                windowTruth[w] = truth;
                windowPredicted[w++] = argmax(row);
            }
        }
        return new EvaluationReport(splitName, PROTOCOL, labels,
                ClassificationMetrics.of(labels, trackTruth, trackPredicted),
                ClassificationMetrics.of(labels, windowTruth, windowPredicted), skipped);
    }

    /** Plain values for JSON: split, protocol, labels, both levels and the skipped clips. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("split", splitName);
        out.put("protocol", protocol);
        out.put("labels", labels);
        out.put("trackLevel", trackLevel.toMap());
        Map<String, Object> window = new LinkedHashMap<>();
        // ClassificationMetrics counts "clips"; at window level each counted item is a window
        windowLevel.toMap().forEach((key, value) -> window.put(key.equals("clips") ? "windows" : key, value));
        out.put("windowLevel", window);
        out.put("skipped", new ArrayList<>(skipped));
        return out;
    }

    /** Writes {@link #toMap()} as pretty JSON, whole or not at all. */
    public void writeJson(Path target) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicFiles.write(target, json.writeValueAsBytes(toMap()));
    }

    /** Index of the largest value; the first one on a tie. */
    static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
