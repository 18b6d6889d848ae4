package org.genrelens.training.cnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.genrelens.features.FeatureSpec;
import org.genrelens.features.Tiles;
import org.genrelens.inference.ClassifierOptions;
import org.genrelens.inference.GenreClassifier;
import org.genrelens.inference.ModelCard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxExporterTest {

    private static final ModelSpec SPEC =
            CnnOnnxParityTest.spec(1, 3, List.of(4, 8), 3, true, PoolingType.MAX, 16);
    private static final FeatureSpec FEATURES = CnnOnnxParityTest.featureSpec(1);

    @Test
    void genreClassifierOpensTheExportedModelAndAgreesWithDjl(@TempDir Path dir) throws Exception {
        List<String> labels = List.of("blues", "jazz", "rock");
        try (Model model = CnnTestNets.trained(SPEC, FEATURES.height(), FEATURES.framesPerWindow(), 5, 3)) {
            Path onnx = dir.resolve("genre-cnn.onnx");
            OnnxExporter.export(model.getBlock(), SPEC, FEATURES, onnx);
            ModelCard.describe(onnx, "genre-cnn", labels, FEATURES, Map.of("seed", 5), SPEC.toMap(), Map.of())
                    .write(ModelCard.cardPathFor(onnx));

            int count = 4;
            int size = FEATURES.channels() * FEATURES.height() * FEATURES.framesPerWindow();
            float[] data = CnnTestNets.gaussian(new Random(3), count * size, -0.5f, 1f);
            Tiles tiles = new Tiles(data, count, FEATURES.channels(), FEATURES.height(),
                    FEATURES.framesPerWindow(), new double[count], false);
            float[] djl = CnnTestNets.evalProbabilities(model.getBlock(), model.getNDManager(), data,
                    new long[] {count, FEATURES.channels(), FEATURES.height(), FEATURES.framesPerWindow()});
            try (GenreClassifier classifier = GenreClassifier.open(onnx, ClassifierOptions.defaults())) {
                float[][] probabilities = classifier.windowProbabilities(tiles);
                assertEquals(count, probabilities.length);
                for (int t = 0; t < count; t++) {
                    for (int k = 0; k < labels.size(); k++) {
                        assertEquals(djl[t * labels.size() + k], probabilities[t][k], 1e-4, "tile " + t + " " + k);
                    }
                }
            }
        }
    }

    @Test
    void exportRefusesABlockBuiltForAnotherSpecAndLeavesNoFile(@TempDir Path dir) {
        Path onnx = dir.resolve("cnn.onnx");
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = CnnTestNets.initialised(SPEC, manager, 16, 24, 1);
            ModelSpec wider = CnnOnnxParityTest.spec(1, 3, List.of(4, 16), 3, true, PoolingType.MAX, 16);
            ModelSpec plain = CnnOnnxParityTest.spec(1, 3, List.of(4, 8), 3, false, PoolingType.MAX, 16);

            var shape = assertThrows(IllegalArgumentException.class,
                    () -> OnnxExporter.export(block, wider, FEATURES, onnx));
            assertTrue(shape.getMessage().contains("block1.conv1.weight has shape [8, 4, 3, 3]"), shape.getMessage());
            var structure = assertThrows(IllegalArgumentException.class,
                    () -> OnnxExporter.export(block, plain, FEATURES, onnx));
            assertTrue(structure.getMessage().contains("CnnBuilder.build(spec)"), structure.getMessage());
            assertTrue(Files.notExists(onnx));
        }
    }

    @Test
    void exportRefusesTilesThatDoNotFitTheModel(@TempDir Path dir) {
        Path onnx = dir.resolve("cnn.onnx");
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = CnnTestNets.initialised(SPEC, manager, 16, 24, 1);
            var channels = assertThrows(IllegalArgumentException.class,
                    () -> OnnxExporter.export(block, SPEC, CnnOnnxParityTest.featureSpec(3), onnx));
            assertTrue(channels.getMessage().contains("1-channel"), channels.getMessage());

            ModelSpec deep = CnnOnnxParityTest.spec(1, 3, List.of(4, 4, 4, 4, 4, 4), 3, false, PoolingType.MAX, 0);
            Block deepBlock = CnnTestNets.initialised(deep, manager, 64, 64, 1);
            var small = assertThrows(IllegalArgumentException.class,
                    () -> OnnxExporter.export(deepBlock, deep, FEATURES, onnx));
            assertTrue(small.getMessage().contains("too small for 6 pooling blocks"), small.getMessage());
        }
    }
}
