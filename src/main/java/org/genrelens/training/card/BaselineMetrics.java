package org.genrelens.training.card;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.genrelens.training.evaluation.ClassificationMetrics;
import org.genrelens.training.evaluation.ModelScore;

/**
 * The metrics the statistics baseline records: track-level scores of its cross-validation, without a split name or
 * window level, so no headline is quoted from them.
 *
 * @param protocol        how the folds were made, in words
 * @param crossValidation track-level scores of every clip's held-out prediction
 * @param musicOnly       the same over real genres only; empty without a not-music class
 * @param folds           each fold's score
 */
public record BaselineMetrics(String protocol, ClassificationMetrics crossValidation,
        Optional<MusicOnlyScores> musicOnly, FoldScores folds) implements CardMetrics {

    public BaselineMetrics {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(crossValidation, "crossValidation");
        Objects.requireNonNull(musicOnly, "musicOnly");
        Objects.requireNonNull(folds, "folds");
    }

    @Override
    public Optional<ModelScore> headline() {
        return Optional.empty();
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("protocol", protocol);
        metrics.put("crossValidation", crossValidation.toMap());
        musicOnly.ifPresent(m -> metrics.put("crossValidationMusicOnly", m.toMap()));
        folds.writeTo(metrics);
        return metrics;
    }

    static BaselineMetrics read(CardFields metrics, java.util.List<String> labels) {
        return new BaselineMetrics(metrics.text("protocol"),
                CardReports.classificationMetrics(metrics.section("crossValidation"), labels),
                metrics.optSection("crossValidationMusicOnly").map(MusicOnlyScores::read), FoldScores.read(metrics));
    }
}
