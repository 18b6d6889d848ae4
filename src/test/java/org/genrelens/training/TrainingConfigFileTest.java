package org.genrelens.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.genrelens.features.FeatureSpec;
import org.genrelens.training.card.TuningRecord;
import org.genrelens.training.cnn.ModelSpec;
import org.genrelens.training.cnn.PoolingType;
import org.genrelens.training.cnn.StatisticsPath;
import org.genrelens.training.sampling.Augmentation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingConfigFileTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static TrainingConfig tuned() {
        FeatureSpec multi = new FeatureSpec(org.genrelens.features.SpectrogramType.MULTI_STFT, 22_050, 5.0, 2.5,
                List.of(512, 1024, 2048), 1024, 96, 0, 10_000, org.genrelens.features.FrequencyScale.LINEAR,
                org.genrelens.features.DbReference.TILE_MAX, 80, -40, 20);
        TrainingConfig config = TrainingConfig.defaults().withFeatureSpec(multi);
        return config.withNetwork(new ModelSpec(3, 2, List.of(16, 32, 64), 5, false, PoolingType.AVG, 0, 0.25,
                        new StatisticsPath(24, 32)))
                .withSettings(config.settings().withLearningRate(4.2e-4)
                        .withAugmentation(Augmentation.parts(List.of("offsets", "mixup"))))
                .withTuning(new TuningRecord("standard", 20, 9, 3, 17, 0.81, 0.62, "stratified 80/20 by clip",
                        List.of("jazz/jazz.00003.wav", "rock/rock.00001.wav"), 42));
    }

    @Test
    void aWrittenConfigIsReadBackExactly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("best.json");
        TrainingConfigFile.write(tuned(), file);
        assertEquals(tuned(), TrainingConfigFile.read(file));
        TrainingConfigFile.write(TrainingConfig.defaults(), file);
        assertEquals(TrainingConfig.defaults(), TrainingConfigFile.read(file));
    }

    @Test
    void choicesChangedAfterTuningAreNamedInItsRecordAndSurviveTheFile(@TempDir Path dir) throws Exception {
        TrainingConfig tuned = tuned();
        ModelSpec n = tuned.network();
        TrainingConfig edited = tuned.withNetwork(new ModelSpec(n.inputChannels(), n.classes(), n.blockChannels(),
                n.kernelSize(), n.residual(), n.pooling(), n.denseWidth(), 0.5, n.statistics()))
                .withSettings(tuned.settings().withLearningRate(1e-3).withMaxEpochs(3)).withTuningOf(tuned);

        assertEquals(List.of("network.dropout", "training.learningRate"),
                edited.tuning().orElseThrow().changedAfterTuning());
        assertEquals(tuned.tuning(), tuned.withSettings(tuned.settings().withMaxEpochs(3)).withTuningOf(tuned).tuning(),
                "the epoch limit is not a tuned choice");
        assertEquals(List.of("network.dropout", "training.learningRate", "training.weightDecay"), edited
                .withSettings(edited.settings().toBuilder().optWeightDecay(0).build()).withTuningOf(edited).tuning().orElseThrow()
                .changedAfterTuning(), "a second edit adds to the first");
        assertTrue(TrainingConfig.defaults().withTuningOf(TrainingConfig.defaults()).tuning().isEmpty(),
                "an untuned configuration gains no record");
        Path file = dir.resolve("edited.json");
        TrainingConfigFile.write(edited, file);
        assertEquals(edited, TrainingConfigFile.read(file));
    }

    @Test
    void anUnknownKeyIsRefusedWithItsName(@TempDir Path dir) throws Exception {
        ObjectNode tree = JSON.valueToTree(TrainingConfigFile.toMap(tuned()));
        ((ObjectNode) tree.get("training")).put("learningRat", 0.01);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> TrainingConfigFile.read(write(dir, tree)));
        assertTrue(refused.getMessage().contains("unknown key 'training.learningRat'"), refused.getMessage());

        ObjectNode top = JSON.valueToTree(TrainingConfigFile.toMap(tuned()));
        top.put("optimiser", "sgd");
        refused = assertThrows(IllegalArgumentException.class, () -> TrainingConfigFile.read(write(dir, top)));
        assertTrue(refused.getMessage().contains("unknown key 'optimiser'"), refused.getMessage());
    }

    @Test
    void anInvalidValueIsRefusedWithItsKey(@TempDir Path dir) throws Exception {
        ObjectNode wrongType = JSON.valueToTree(TrainingConfigFile.toMap(tuned()));
        ((ObjectNode) wrongType.get("network")).put("kernelSize", "five");
        assertMessage(dir, wrongType, "network.kernelSize must be an integer, was \"five\"");

        ObjectNode outOfRange = JSON.valueToTree(TrainingConfigFile.toMap(tuned()));
        ((ObjectNode) outOfRange.get("training")).put("learningRate", -1);
        assertMessage(dir, outOfRange, "training: learning rate must be positive");

        ObjectNode badPooling = JSON.valueToTree(TrainingConfigFile.toMap(tuned()));
        ((ObjectNode) badPooling.get("network")).put("pooling", "median");
        assertMessage(dir, badPooling, "network.pooling must be one of [MAX, AVG], was \"median\"");

        ObjectNode badAugmentation = JSON.valueToTree(TrainingConfigFile.toMap(tuned()));
        ((ArrayNode) badAugmentation.get("training").get("augmentation")).add("reverb");
        assertMessage(dir, badAugmentation, "training.augmentation: unknown augmentation 'reverb'");

        ObjectNode missing = JSON.valueToTree(TrainingConfigFile.toMap(tuned()));
        ((ObjectNode) missing.get("featureSpec")).remove("bands");
        assertMessage(dir, missing, "missing key 'featureSpec.bands'");

        ObjectNode tooManyCoefficients = JSON.valueToTree(TrainingConfigFile.toMap(tuned()));
        ((ObjectNode) tooManyCoefficients.get("network")).put("statisticsCoefficients", 200);
        assertMessage(dir, tooManyCoefficients, "network: statistics coefficients must be 0 (no branch) to 128");
    }

    private static void assertMessage(Path dir, ObjectNode tree, String expected) throws Exception {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> TrainingConfigFile.read(write(dir, tree)));
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
    }

    private static Path write(Path dir, ObjectNode tree) throws Exception {
        Path file = Files.createTempFile(dir, "config", ".json");
        Files.write(file, JSON.writeValueAsBytes(tree));
        return file;
    }
}
