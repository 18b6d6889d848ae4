package org.genrelens.training.card;

import java.util.Map;
import java.util.Optional;

/**
 * How one network's training ended, as its card's model spec records it beside the network and its settings: the
 * epoch whose weights were kept and how many epochs ran. An ensemble records this per member instead.
 *
 * @param bestEpoch the epoch whose weights were exported (1-based)
 * @param epochsRun epochs run before early stopping, the limit or a cancel
 */
public record FinalTraining(int bestEpoch, int epochsRun) {

    public FinalTraining {
        if (bestEpoch < 0 || epochsRun < 0) {
            throw new IllegalArgumentException("epochs must not be negative, were " + bestEpoch + " and " + epochsRun);
        }
    }

    /** Adds "bestEpoch" and "epochsRun" to a model spec being written. */
    public void writeTo(Map<String, Object> modelSpec) {
        modelSpec.put("bestEpoch", bestEpoch);
        modelSpec.put("epochsRun", epochsRun);
    }

    /**
     * Empty for a model spec without them (an ensemble, a baseline).
     *
     * @throws IllegalArgumentException naming the card field that is missing or of the wrong type
     */
    public static Optional<FinalTraining> inModelSpec(Map<String, Object> modelSpec) {
        CardFields spec = CardFields.of(modelSpec, "modelSpec");
        return spec.has("bestEpoch") ? Optional.of(new FinalTraining(spec.integer("bestEpoch"),
                spec.integer("epochsRun"))) : Optional.empty();
    }
}
