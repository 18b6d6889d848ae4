package org.genrelens.training.card;

import java.util.Map;
import org.genrelens.inference.ModelCard;

/**
 * A card's "provenance": a model trained here ({@link TrainingProvenance}) or one written by {@code genrelens export}
 * from trained members ({@link ExportProvenance}). The only place that tells them apart.
 */
public sealed interface ModelProvenance permits TrainingProvenance, ExportProvenance {

    /** Plain values for the card's JSON. */
    Map<String, Object> toMap();

    /**
     * @throws IllegalArgumentException naming the card field that is missing or of the wrong type
     */
    static ModelProvenance of(ModelCard card) {
        return fromMap(card.provenance());
    }

    static ModelProvenance fromMap(Map<String, Object> provenance) {
        CardFields fields = CardFields.of(provenance, "provenance");
        return fields.has("exporter") ? ExportProvenance.read(fields) : TrainingProvenance.read(fields);
    }
}
