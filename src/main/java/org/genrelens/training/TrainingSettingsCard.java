package org.genrelens.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import org.genrelens.training.cnn.TrainingSettings;

/** Reads back the training settings a card records (as {@link TrainingSettings#toMap()} wrote them). */
final class TrainingSettingsCard {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TrainingSettingsCard() {
    }

    /** Empty when the card has none or an older form (e.g. augmentation as free text). */
    static Optional<TrainingSettings> read(Object training) {
        if (!(training instanceof Map<?, ?> map)) {
            return Optional.empty();
        }
        try {
            ObjectNode settings = JSON.valueToTree(map);
            settings.remove("optimizer");
            ObjectNode root = JSON.valueToTree(TrainingConfigFile.toMap(TrainingConfig.defaults()));
            root.set("training", settings);
            return Optional.of(TrainingConfigFile.parse(root).settings());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
