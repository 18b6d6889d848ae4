package org.genrelens.training.card;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.genrelens.inference.ModelCard;
import org.genrelens.training.evaluation.ClassificationMetrics;
import org.genrelens.training.evaluation.EvaluationReport;
import org.genrelens.training.evaluation.ModelScore;

/**
 * A card's "metrics", with the protocol that produced them: the recipe's cross-validation ({@link RecipeMetrics}),
 * the statistics baseline's ({@link BaselineMetrics}), or an exported ensemble's members' own ({@link ExportMetrics}).
 * The only place that tells them apart, and the one place the headline score is read from a card.
 */
public sealed interface CardMetrics permits RecipeMetrics, BaselineMetrics, ExportMetrics {

    /** Plain values for the card's JSON. */
    Map<String, Object> toMap();

    /**
     * The figure the status bar, README and Train tab quote: track-level balanced accuracy of the cross-validation,
     * without the tuner's clips when it was tuned. Empty when the card has no such report (no folds, a baseline
     * scored before reports named their split, an ensemble not evaluated as a whole).
     */
    Optional<ModelScore> headline();

    /**
     * @throws IllegalArgumentException naming the card field that is missing or of the wrong type
     */
    static CardMetrics of(ModelCard card) {
        return fromMap(card.metrics(), card.labels());
    }

    /**
     * @param labels the card's labels, the order of a baseline's confusion matrix
     */
    static CardMetrics fromMap(Map<String, Object> metrics, List<String> labels) {
        CardFields fields = CardFields.of(metrics, "metrics");
        if (fields.has("members")) {
            return ExportMetrics.read(fields);
        }
        if (fields.has("crossValidation") && !fields.section("crossValidation").has("trackLevel")) {
            return BaselineMetrics.read(fields, labels);
        }
        return RecipeMetrics.read(fields);
    }

    /**
     * The headline of a card whose metrics may be damaged or foreign: empty rather than an error, because it only
     * decorates a model's name (status bar, model list); {@link #of} says what is wrong.
     */
    static Optional<ModelScore> headlineOf(ModelCard card) {
        try {
            return of(card).headline();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A report's headline as the card rounds it. */
    static ModelScore score(EvaluationReport report) {
        return new ModelScore(ClassificationMetrics.round(report.trackLevel().balancedAccuracy()), report.splitName(),
                report.trackLevel().total());
    }
}
