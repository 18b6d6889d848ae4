package org.genrelens.training;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.genrelens.features.FeatureSpec;

/** One point of the tuning search space: features, network and learning rate. */
public record TrialConfig(FeatureSpec featureSpec, ModelSpec modelSpec, double learningRate) {

    public TrialConfig {
        Objects.requireNonNull(featureSpec, "featureSpec");
        Objects.requireNonNull(modelSpec, "modelSpec");
        if (modelSpec.inputChannels() != featureSpec.channels()) {
            throw new IllegalArgumentException("the network takes " + modelSpec.inputChannels()
                    + " channels but " + featureSpec.type() + " tiles have " + featureSpec.channels());
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be positive");
        }
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("features", featureSpec.canonicalText());
        map.put("model", modelSpec.toMap());
        map.put("learningRate", learningRate);
        return map;
    }
}
