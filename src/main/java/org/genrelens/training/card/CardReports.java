package org.genrelens.training.card;

import java.util.List;
import org.genrelens.training.evaluation.ClassificationMetrics;
import org.genrelens.training.evaluation.EvaluationReport;

/**
 * Reads back the scores {@link EvaluationReport#toMap()} and {@link ClassificationMetrics#toMap()} wrote. A level is
 * its labels and confusion matrix; every figure beside them is derived from those two, so only they are read.
 */
final class CardReports {

    private CardReports() {
    }

    static EvaluationReport evaluationReport(CardFields report) {
        List<String> labels = report.texts("labels");
        String split = report.text("split");
        String protocol = report.text("protocol");
        ClassificationMetrics trackLevel = classificationMetrics(report.section("trackLevel"), labels);
        ClassificationMetrics windowLevel = classificationMetrics(report.section("windowLevel"), labels);
        List<String> skipped = report.texts("skipped");
        return valid(report, () -> new EvaluationReport(split, protocol, labels, trackLevel, windowLevel, skipped));
    }

    static ClassificationMetrics classificationMetrics(CardFields level, List<String> labels) {
        int[][] confusion = level.matrix("confusion");
        for (int[] row : confusion) {
            if (row.length != labels.size()) {
                throw level.wrong("confusion", "a " + labels.size() + " x " + labels.size() + " matrix");
            }
        }
        return valid(level, () -> new ClassificationMetrics(labels, confusion));
    }

    private static <T> T valid(CardFields fields, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("card field '" + fields.path() + "': "
                    + e.getMessage(), e);
        }
    }
}
