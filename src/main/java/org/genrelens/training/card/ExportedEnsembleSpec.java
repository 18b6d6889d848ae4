package org.genrelens.training.card;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The model spec {@code genrelens export} records for several members averaged in one graph: the combination and
 * each member's own model spec, copied as its card has it (a member may be any model this project trained).
 *
 * @param combination how the members' outputs are combined, in words
 * @param members     each member's model spec, in member order
 */
public record ExportedEnsembleSpec(String combination, List<Map<String, Object>> members) {

    /** The model spec's "family" of an exported ensemble. */
    public static final String FAMILY = "ensemble";

    public ExportedEnsembleSpec {
        Objects.requireNonNull(combination, "combination");
        members = members.stream().map(m -> Collections.unmodifiableMap(new LinkedHashMap<>(m))).toList();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("family", FAMILY);
        spec.put("combination", combination);
        spec.put("members", members);
        return spec;
    }

    /**
     * The spec of an exported ensemble; empty for any other model.
     *
     * @throws IllegalArgumentException naming the card field that is missing or of the wrong type
     */
    public static Optional<ExportedEnsembleSpec> of(Map<String, Object> modelSpec) {
        CardFields spec = CardFields.of(modelSpec, "modelSpec");
        if (!spec.has("family") || !FAMILY.equals(spec.text("family"))) {
            return Optional.empty();
        }
        return Optional.of(new ExportedEnsembleSpec(spec.text("combination"), spec.verbatims("members")));
    }
}
