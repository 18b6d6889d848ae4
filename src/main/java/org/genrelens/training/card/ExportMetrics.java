package org.genrelens.training.card;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.genrelens.training.evaluation.ModelScore;

/**
 * The metrics {@code genrelens export} records for an averaged ensemble: not the ensemble's (it was not evaluated)
 * but each member's own, copied as its card has them, with the protocol saying so.
 *
 * @param protocol what these metrics are and how to measure the ensemble, in words
 * @param members  each member's metrics, in member order
 */
public record ExportMetrics(String protocol, List<Map<String, Object>> members) implements CardMetrics {

    public ExportMetrics {
        Objects.requireNonNull(protocol, "protocol");
        members = members.stream().map(m -> Collections.unmodifiableMap(new LinkedHashMap<>(m))).toList();
    }

    @Override
    public Optional<ModelScore> headline() {
        return Optional.empty();
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("protocol", protocol);
        metrics.put("members", members);
        return metrics;
    }

    static ExportMetrics read(CardFields metrics) {
        return new ExportMetrics(metrics.text("protocol"), metrics.verbatims("members"));
    }
}
