package org.genrelens.training.card;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.genrelens.training.evaluation.EvaluationReport;

/**
 * The scores of one set of held-out predictions as a card records them: the report, and the genres-only scores when
 * the model also knows a not-music class.
 *
 * @param report    track and window level, with the split they were measured on
 * @param musicOnly track level over real genres only; empty without a not-music class
 */
public record HeldOutScores(EvaluationReport report, Optional<MusicOnlyScores> musicOnly) {

    public HeldOutScores {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(musicOnly, "musicOnly");
    }

    /** Adds the genres-only scores when the labels include {@code excluded}. */
    public static HeldOutScores of(EvaluationReport report, String excluded) {
        return new HeldOutScores(report, report.labels().contains(excluded)
                ? Optional.of(MusicOnlyScores.of(report.trackLevel(), excluded)) : Optional.empty());
    }

    /** Under {@code key} and {@code key + "MusicOnly"}. */
    void writeTo(Map<String, Object> metrics, String key) {
        metrics.put(key, report.toMap());
        musicOnly.ifPresent(m -> metrics.put(key + "MusicOnly", m.toMap()));
    }

    static Optional<HeldOutScores> read(CardFields metrics, String key) {
        if (!metrics.has(key)) {
            return Optional.empty();
        }
        return Optional.of(new HeldOutScores(CardReports.evaluationReport(metrics.section(key)),
                metrics.optSection(key + "MusicOnly").map(MusicOnlyScores::read)));
    }
}
