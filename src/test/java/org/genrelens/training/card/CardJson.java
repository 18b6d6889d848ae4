package org.genrelens.training.card;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.genrelens.inference.ModelCard;

/** Writes typed card parts through a real card file and reads the card back, as a model's card travels. */
final class CardJson {

    static final Path BUNDLED_CNN = Path.of("models/genre-cnn.card.json");
    static final Path BUNDLED_BASELINE = Path.of("models/genre-baseline.card.json");
    /** The model bundled before issue 10: a CNN and a cepstral regression averaged in one graph. */
    static final Path CNN_AND_REGRESSION = Path.of("src/test/resources/models/cnn-and-regression.card.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private CardJson() {
    }

    /** A card beside a stand-in model file holding these parts, written to disk and read again. */
    static ModelCard throughDisk(Path dir, List<String> labels, Map<String, Object> provenance,
            Map<String, Object> modelSpec, Map<String, Object> metrics) throws IOException {
        ModelCard bundled = ModelCard.read(BUNDLED_CNN);
        Path model = Files.write(dir.resolve("model.onnx"), new byte[] {1, 2, 3});
        ModelCard card = ModelCard.describe(model, "model", labels, bundled.featureSpec(), provenance,
                modelSpec, metrics);
        Path cardFile = ModelCard.cardPathFor(model);
        card.write(cardFile);
        return ModelCard.read(cardFile);
    }

    /**
     * The JSON text as it would be read from disk: trees compare deeply, also the confusion matrices that records
     * compare by reference, and a long 42 and an int 42 read alike.
     */
    static JsonNode tree(Object value) {
        try {
            return JSON.readTree(JSON.writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
