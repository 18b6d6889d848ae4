package org.genrelens.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.genrelens.inference.ModelCard;
import org.genrelens.training.cnn.WeightSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fine-tuning reads the model's card through its typed parts and refuses what is not one network, saying why. */
class FineTuneStartTest {

    /** The model bundled before issue 10: a CNN and a cepstral regression averaged in one graph. */
    private static final Path CNN_AND_REGRESSION = Path.of("src/test/resources/models/cnn-and-regression.onnx");

    private static Path copyOfBundled(Path dir, String name) throws Exception {
        return copyOf(dir, Path.of("models", name + ".onnx"));
    }

    private static Path copyOf(Path dir, Path source) throws Exception {
        Path model = Files.copy(source, dir.resolve(source.getFileName()));
        Files.copy(ModelCard.cardPathFor(source), ModelCard.cardPathFor(model));
        return model;
    }

    @Test
    void theBundledModelIsOneNetworkReadFromItsCardWithNothingTyped(@TempDir Path dir) throws Exception {
        Path model = copyOfBundled(dir, "genre-cnn");
        ModelCard card = ModelCard.read(ModelCard.cardPathFor(model));

        FineTuneStart start = FineTuneStart.read(model);

        assertEquals(1, start.networks());
        assertEquals(card.featureSpec(), start.config(TrainingConfig.defaults()).featureSpec());
        assertEquals(card.modelSpec().get("blockChannels"), start.network().blockChannels());
        assertEquals(((Number) card.modelSpec().get("statisticsCoefficients")).intValue(),
                start.network().statistics().coefficients(), "the statistics branch is part of the network");
        assertTrue(start.settings().isPresent(), "its training settings come from the card too");
        assertTrue(start.weights(card.labels()) instanceof WeightSource.OnnxStart same && !same.replacesHead());
        assertTrue(start.weights(List.of("jazz", "rock")).replacesHead(), "new genres get a new head");
    }

    @Test
    void aNetworkAveragedWithARegressionIsRefusedNamingHowManyModelsItAverages(@TempDir Path dir) throws Exception {
        Path model = copyOf(dir, CNN_AND_REGRESSION);

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
        Path model = copyOf(dir, CNN_AND_REGRESSION);
        Path card = ModelCard.cardPathFor(model);
        Files.writeString(card, Files.readString(card).replace("\"weights\" : [ 0.25, 0.75 ]",
                "\"weights\" : [ 0.25, \"three quarters\" ]"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FineTuneStart.read(model));

        assertTrue(e.getMessage().contains("'modelSpec.ensemble.weights[1]'"), e.getMessage());
    }
}
