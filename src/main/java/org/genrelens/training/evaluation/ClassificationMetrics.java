package org.genrelens.training.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accuracy, class-balanced accuracy (mean recall), macro-F1, per-genre precision/recall/F1 and the confusion
 * matrix (rows = true genre, columns = predicted) of one set of predictions.
 */
public record ClassificationMetrics(List<String> labels, int[][] confusion) {

    public ClassificationMetrics {
        labels = List.copyOf(labels);
        if (confusion.length != labels.size()) {
            throw new IllegalArgumentException("confusion matrix needs one row per label");
        }
    }

    public static ClassificationMetrics of(List<String> labels, int[] truth, int[] predicted) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException("truth and predictions differ in length");
        }
        int[][] confusion = new int[labels.size()][labels.size()];
        for (int i = 0; i < truth.length; i++) {
            confusion[truth[i]][predicted[i]]++;
        }
        return new ClassificationMetrics(labels, confusion);
    }

    public int total() {
        int total = 0;
        for (int[] row : confusion) {
            for (int v : row) {
                total += v;
            }
        }
        return total;
    }

    public double accuracy() {
        int correct = 0;
        for (int k = 0; k < confusion.length; k++) {
            correct += confusion[k][k];
        }
        return total() == 0 ? 0 : (double) correct / total();
    }

    public double recall(int k) {
        int support = 0;
        for (int v : confusion[k]) {
            support += v;
        }
        return support == 0 ? 0 : (double) confusion[k][k] / support;
    }

    public double precision(int k) {
        int predicted = 0;
        for (int[] row : confusion) {
            predicted += row[k];
        }
        return predicted == 0 ? 0 : (double) confusion[k][k] / predicted;
    }

    public double f1(int k) {
        double p = precision(k);
        double r = recall(k);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /**
     * Mean recall over the genres that have clips: what always answering the majority genre cannot game. A genre
     * with no clips here (a model label absent from a test side) has no recall and does not count.
     */
    public double balancedAccuracy() {
        double sum = 0;
        int genres = 0;
        for (int k = 0; k < labels.size(); k++) {
            if (support(k) > 0) {
                sum += recall(k);
                genres++;
            }
        }
        return genres == 0 ? 0 : sum / genres;
    }

    /** Mean F1 over the genres that occur as truth or as prediction; a genre in neither has no F1. */
    public double macroF1() {
        double sum = 0;
        int genres = 0;
        for (int k = 0; k < labels.size(); k++) {
            if (support(k) > 0 || predictedCount(k) > 0) {
                sum += f1(k);
                genres++;
            }
        }
        return genres == 0 ? 0 : sum / genres;
    }

    private int support(int k) {
        int support = 0;
        for (int v : confusion[k]) {
            support += v;
        }
        return support;
    }

    private int predictedCount(int k) {
        int predicted = 0;
        for (int[] row : confusion) {
            predicted += row[k];
        }
        return predicted;
    }

    /**
     * Accuracy and balanced accuracy over the clips whose true label is not {@code excluded} (e.g. the genres only,
     * without the not-music class); predicting {@code excluded} for them counts as an error.
     */
    public Map<String, Object> without(String excluded) {
        int skip = labels.indexOf(excluded);
        int correct = 0;
        int total = 0;
        double recallSum = 0;
        int rows = 0;
        int calledExcluded = 0;
        for (int k = 0; k < labels.size(); k++) {
            if (k == skip) {
                continue;
            }
            int support = 0;
            for (int v : confusion[k]) {
                support += v;
            }
            correct += confusion[k][k];
            total += support;
            if (skip >= 0) {
                calledExcluded += confusion[k][skip];
            }
            if (support > 0) {
                recallSum += recall(k);
                rows++;
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("clips", total);
        out.put("accuracy", round(total == 0 ? 0 : (double) correct / total));
        out.put("balancedAccuracy", round(rows == 0 ? 0 : recallSum / rows));
        out.put("predictedAs_" + excluded, calledExcluded);
        return out;
    }

    /** Plain values for a model card or a JSON report. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("clips", total());
        out.put("accuracy", round(accuracy()));
        out.put("balancedAccuracy", round(balancedAccuracy()));
        out.put("macroF1", round(macroF1()));
        Map<String, Object> perGenre = new LinkedHashMap<>();
        for (int k = 0; k < labels.size(); k++) {
            perGenre.put(labels.get(k), Map.of("precision", round(precision(k)), "recall", round(recall(k)),
                    "f1", round(f1(k))));
        }
        out.put("perGenre", perGenre);
        out.put("confusion", confusion);
        return out;
    }

    public static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
