package org.genrelens.training.card;

import java.util.List;
import java.util.Map;
import org.genrelens.training.evaluation.ClassificationMetrics;

/**
 * Each cross-validation fold's track-level balanced accuracy with their mean and (population) standard deviation,
 * rounded as the card records them; the mean and spread come from the unrounded scores, so they are kept, not
 * recomputed.
 */
public record FoldScores(List<Double> balancedAccuracies, double mean, double std) {

    public FoldScores {
        balancedAccuracies = List.copyOf(balancedAccuracies);
    }

    /** From the folds' unrounded scores, in fold order. */
    public static FoldScores of(List<Double> scores) {
        double mean = scores.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double spread = Math.sqrt(scores.stream().mapToDouble(v -> (v - mean) * (v - mean)).average().orElse(0));
        return new FoldScores(scores.stream().map(ClassificationMetrics::round).toList(),
                ClassificationMetrics.round(mean), ClassificationMetrics.round(spread));
    }

    void writeTo(Map<String, Object> metrics) {
        metrics.put("foldBalancedAccuracy", balancedAccuracies);
        metrics.put("balancedAccuracyMean", mean);
        metrics.put("balancedAccuracyStd", std);
    }

    static FoldScores read(CardFields metrics) {
        return new FoldScores(metrics.numbers("foldBalancedAccuracy"), metrics.number("balancedAccuracyMean"),
                metrics.number("balancedAccuracyStd"));
    }
}
