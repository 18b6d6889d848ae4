package org.genrelens.training.cnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.genrelens.training.cnn.CnnLayout.NamedParameter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxWeightImporterTest {

    private static final ModelSpec SPEC =
            CnnOnnxParityTest.spec(1, 10, List.of(4, 8, 8), 3, true, PoolingType.MAX, 16);
    private static final int HEIGHT = 16;
    private static final int WIDTH = 24;

    @TempDir
    static Path dir;
    private static Model trained;
    private static Path onnx;

    @BeforeAll
    static void exportATrainedModel() throws IOException {
        trained = CnnTestNets.trained(SPEC, HEIGHT, WIDTH, 21, 3);
        onnx = dir.resolve("bundled.onnx");
        OnnxExporter.export(trained.getBlock(), SPEC, CnnOnnxParityTest.featureSpec(1), onnx);
    }

    @AfterAll
    static void closeModel() {
        trained.close();
    }

    @Test
    void importedBlockHoldsTheExportedWeightsAndGivesIdenticalOutputs() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = CnnTestNets.initialised(SPEC, manager, HEIGHT, WIDTH, 99);
            OnnxWeightImporter.load(onnx, block, SPEC, false);

            Map<String, float[]> expected = values(SPEC, trained.getBlock());
            values(SPEC, block).forEach((name, values) -> assertArrayEquals(expected.get(name), values, name));
            long[] shape = {3, 1, HEIGHT, WIDTH};
            float[] input = CnnTestNets.gaussian(new Random(4), 3 * HEIGHT * WIDTH, 0f, 1f);
            float[] before = CnnTestNets.evalProbabilities(trained.getBlock(), trained.getNDManager(), input, shape);
            float[] after = CnnTestNets.evalProbabilities(block, manager, input, shape);
            assertTrue(CnnTestNets.maxAbsDifference(before, after) < 1e-6f);
        }
    }

    @Test
    void skippingTheClassifierKeepsTheBodyAndAFreshHeadForANewLabelSet() throws IOException {
        ModelSpec threeLabels = SPEC.withClasses(3);
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = CnnTestNets.initialised(threeLabels, manager, HEIGHT, WIDTH, 99);
            Map<String, float[]> fresh = values(threeLabels, block);
            OnnxWeightImporter.load(onnx, block, threeLabels, true);

            Map<String, float[]> exported = values(SPEC, trained.getBlock());
            Map<String, float[]> loaded = values(threeLabels, block);
            loaded.forEach((name, values) -> {
                if (name.startsWith("classifier.")) {
                    assertArrayEquals(fresh.get(name), values, name + " keeps its fresh init");
                } else {
                    assertArrayEquals(exported.get(name), values, name);
                }
            });
            assertEquals(3 * 16, loaded.get("classifier.weight").length);
        }
    }

    @Test
    void importedWeightsSurviveTrainerInitialisationForFineTuning() throws IOException {
        try (Model model = Model.newInstance("fine-tune")) {
            Block block = CnnTestNets.initialised(SPEC, model.getNDManager(), HEIGHT, WIDTH, 7);
            OnnxWeightImporter.load(onnx, block, SPEC, false);
            model.setBlock(block);
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()))) {
                trainer.initialize(new Shape(8, 1, HEIGHT, WIDTH));
            }
            Map<String, float[]> expected = values(SPEC, trained.getBlock());
            values(SPEC, block).forEach((name, values) -> assertArrayEquals(expected.get(name), values, name));
        }
    }

    @Test
    void aFileFromAnotherSpecIsRefusedByNameAndTheBlockIsLeftAlone() {
        record Case(ModelSpec spec, boolean skipClassifier, String mentioned) {
        }
        List<Case> cases = List.of(
                new Case(CnnOnnxParityTest.spec(1, 10, List.of(4, 8, 16), 3, true, PoolingType.MAX, 16), false,
                        "block2.conv1.weight' has shape [8, 8, 3, 3] where the spec needs [16, 8, 3, 3]"),
                new Case(CnnOnnxParityTest.spec(1, 10, List.of(4, 8, 8), 3, false, PoolingType.MAX, 16), false,
                        "holds weights 'block0.conv2.weight' that the spec has no place for"),
                new Case(CnnOnnxParityTest.spec(1, 10, List.of(4, 8, 8), 3, true, PoolingType.AVG, 16), false,
                        "where the spec needs AveragePool"),
                new Case(CnnOnnxParityTest.spec(1, 10, List.of(4, 8), 3, true, PoolingType.MAX, 16), false,
                        "holds weights 'block2.conv1.weight' that the spec has no place for"),
                new Case(SPEC.withClasses(3), false,
                        "'classifier.weight' has shape [10, 16] where the spec needs [3, 16]"));
        try (NDManager manager = NDManager.newBaseManager()) {
            for (Case c : cases) {
                Block block = CnnTestNets.initialised(c.spec(), manager, HEIGHT, WIDTH, 5);
                Map<String, float[]> before = values(c.spec(), block);
                var e = assertThrows(IllegalArgumentException.class,
                        () -> OnnxWeightImporter.load(onnx, block, c.spec(), c.skipClassifier()), c.toString());
                assertTrue(e.getMessage().contains(c.mentioned()), e.getMessage());
                assertTrue(e.getMessage().contains(onnx.toString()), e.getMessage());
                values(c.spec(), block).forEach((name, values) -> assertArrayEquals(before.get(name), values));
            }
        }
    }

    @Test
    void aFileThatIsNotOnnxFailsWithAnIoException(@TempDir Path temp) throws IOException {
        Path junk = temp.resolve("junk.onnx");
        Files.write(junk, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = CnnTestNets.initialised(SPEC, manager, HEIGHT, WIDTH, 5);
            var e = assertThrows(IOException.class, () -> OnnxWeightImporter.load(junk, block, SPEC, false));
            assertTrue(e.getMessage().contains("is not an ONNX model"), e.getMessage());
        }
    }

    @Test
    void anUninitialisedBlockIsRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> OnnxWeightImporter.load(onnx, CnnBuilder.build(SPEC), SPEC, false));
        assertTrue(e.getMessage().contains("not initialised"), e.getMessage());
    }

    private static Map<String, float[]> values(ModelSpec spec, Block block) {
        Map<String, float[]> values = new LinkedHashMap<>();
        for (NamedParameter parameter : CnnLayout.parameters(spec, block)) {
            values.put(parameter.name(), parameter.parameter().getArray().toFloatArray());
        }
        return values;
    }
}
