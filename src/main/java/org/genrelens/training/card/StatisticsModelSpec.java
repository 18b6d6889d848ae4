package org.genrelens.training.card;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The model spec of the statistics baseline, a logistic regression on each tile's band or cepstral statistics, as its
 * card records it.
 *
 * @param features             which statistics of a tile it reads, in words
 * @param cepstralCoefficients cepstral coefficients per frame; 0 = band statistics
 * @param l2                   weight decay
 * @param iterations           optimiser steps
 * @param learningRate         Adam's step size
 * @param classWeights         how genres are weighed in the loss, in words
 */
public record StatisticsModelSpec(String features, int cepstralCoefficients, double l2, int iterations,
        double learningRate, String classWeights) {

    /** The model spec's "family" of the statistics baseline. */
    public static final String FAMILY = "statistics-logistic-regression";

    public StatisticsModelSpec {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(classWeights, "classWeights");
    }

    public Map<String, Object> toMap() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("family", FAMILY);
        spec.put("features", features);
        spec.put("cepstralCoefficients", cepstralCoefficients);
        spec.put("l2", l2);
        spec.put("iterations", iterations);
        spec.put("learningRate", learningRate);
        spec.put("classWeights", classWeights);
        return spec;
    }

    /**
     * The spec of a statistics baseline; empty for any other model.
     *
     * @throws IllegalArgumentException naming the card field that is missing or of the wrong type
     */
    public static Optional<StatisticsModelSpec> of(Map<String, Object> modelSpec) {
        CardFields spec = CardFields.of(modelSpec, "modelSpec");
        if (!spec.has("family") || !FAMILY.equals(spec.text("family"))) {
            return Optional.empty();
        }
        // baselines trained before the cepstral statistics existed read band statistics and do not say so
        return Optional.of(new StatisticsModelSpec(spec.text("features"),
                spec.optInteger("cepstralCoefficients").orElse(0),
                spec.number("l2"), spec.integer("iterations"), spec.number("learningRate"), spec.text("classWeights")));
    }
}
