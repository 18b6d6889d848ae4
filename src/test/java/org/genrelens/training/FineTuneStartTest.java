package org.genrelens.training;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.genrelens.inference.ModelCard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fine-tuning reads the model's card through its typed parts and refuses what is not one network, saying why. */
class FineTuneStartTest {

    private static Path copyOfBundled(Path dir, String name) throws Exception {
        Path model = Files.copy(Path.of("models", name + ".onnx"), dir.resolve(name + ".onnx"));
        Files.copy(ModelCard.cardPathFor(Path.of("models", name + ".onnx")), ModelCard.cardPathFor(model));
        return model;
    }

    @Test
    void theBundledEnsembleIsRefusedNamingHowManyModelsItAverages(@TempDir Path dir) throws Exception {
        Path model = copyOfBundled(dir, "genre-cnn");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FineTuneStart.read(model));

        assertTrue(e.getMessage().contains("cannot be fine-tuned: it averages 2 separately fitted models of different kinds"),
                e.getMessage());
    }

    @Test
    void theBundledBaselineIsRefusedAsNoNetwork(@TempDir Path dir) throws Exception {
        Path model = copyOfBundled(dir, "genre-baseline");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FineTuneStart.read(model));

        assertTrue(e.getMessage().contains("it is the statistics baseline"), e.getMessage());
    }

    @Test
    void aDamagedEnsembleDescriptionIsRefusedNamingTheKey(@TempDir Path dir) throws Exception {
        Path model = copyOfBundled(dir, "genre-cnn");
        Path card = ModelCard.cardPathFor(model);
        Files.writeString(card, Files.readString(card).replace("\"weights\" : [ 0.25, 0.75 ]",
                "\"weights\" : [ 0.25, \"three quarters\" ]"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FineTuneStart.read(model));

        assertTrue(e.getMessage().contains("'modelSpec.ensemble.weights[1]'"), e.getMessage());
    }
}
