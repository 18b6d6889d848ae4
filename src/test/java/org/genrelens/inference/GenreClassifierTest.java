package org.genrelens.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.genrelens.features.FeatureSpec;
import org.genrelens.features.Tiles;
import org.genrelens.model.TrackPrediction;
import org.genrelens.testing.OnnxTestModels;
import org.genrelens.testing.TestAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenreClassifierTest {

    private static final ClassifierOptions CPU = ClassifierOptions.defaults()
            .withExecutionPreference(ExecutionPreference.CPU).withIntraOpThreads(1);

    @TempDir
    Path dir;

    @Test
    void linearModelOutputEqualsHandComputedSoftmax() throws Exception {
        FeatureSpec spec = TestTiles.smallMultiStft();
        float[][] weights = {{1.5f, -0.5f, 0.25f}, {-1f, 2f, 0f}, {0.3f, 0.3f, -2f}};
        float[] bias = {0.1f, -0.2f, 0.05f};
        Path model = OnnxTestModels.writeLinearModel(dir, "linear", spec, TestTiles.GENRES, weights, bias);
        Tiles tiles = TestTiles.random(spec, 5, 42, false);

        try (GenreClassifier classifier = GenreClassifier.open(model, CPU)) {
            float[][] rows = classifier.windowProbabilities(tiles);

            assertEquals(5, rows.length);
            for (int t = 0; t < tiles.count(); t++) {
                assertArrayEquals(expectedLinear(tiles.tile(t), tiles.channels(), weights, bias), rows[t], 1e-5f,
                        "window " + t);
            }
        }
    }

    @Test
    void bandEnergyModelTellsLowToneFromHighTone() throws Exception {
        FeatureSpec spec = TestTiles.smallLinearStft();
        Path model = OnnxTestModels.writeBandEnergyModel(dir, "bands", spec, List.of("low", "high"));
        float[] low = TestAudio.sine(300, 2.0, spec.sampleRate(), 0.5);
        float[] high = TestAudio.sine(3000, 2.0, spec.sampleRate(), 0.5);

        try (GenreClassifier classifier = GenreClassifier.open(model, CPU)) {
            TrackPrediction lowTrack = classifier.classify(TestTiles.stftTiles(spec, low, 2));
            TrackPrediction highTrack = classifier.classify(TestTiles.stftTiles(spec, high, 2));

            assertEquals("low", lowTrack.topGenre());
            assertEquals("high", highTrack.topGenre());
            assertTrue(lowTrack.confidence() > 0.7f, "low tone confidence " + lowTrack.confidence());
            assertTrue(highTrack.confidence() > 0.7f, "high tone confidence " + highTrack.confidence());
        }
    }

    @Test
    void batchSizeDoesNotChangeWindowRows() throws Exception {
        FeatureSpec spec = TestTiles.smallMel();
        Path model = OnnxTestModels.writeCnn(dir, "cnn", spec, TestTiles.GENRES, new int[] {4, 8}, 7);
        Tiles tiles = TestTiles.random(spec, 20, 3, false);

        float[][] one = rowsWithBatch(model, tiles, 1);
        float[][] seven = rowsWithBatch(model, tiles, 7);
        float[][] thirtyTwo = rowsWithBatch(model, tiles, 32);

        assertEquals(20, one.length);
        for (int t = 0; t < one.length; t++) {
            assertArrayEquals(one[t], seven[t], 1e-6f, "window " + t + ", batch 7");
            assertArrayEquals(one[t], thirtyTwo[t], 1e-6f, "window " + t + ", batch 32");
        }
    }

    @Test
    void classifyAveragesWindowRowsAndRanksGenres() throws Exception {
        FeatureSpec spec = TestTiles.smallMel();
        Path model = OnnxTestModels.writeCnn(dir, "cnn", spec, TestTiles.GENRES, new int[] {4, 8}, 11);
        Tiles tiles = TestTiles.random(spec, 6, 5, false);

        try (GenreClassifier classifier = GenreClassifier.open(model, CPU)) {
            float[][] rows = classifier.windowProbabilities(tiles);
            TrackPrediction prediction = classifier.classify(tiles);

            assertArrayEquals(WindowAverager.mean(rows), prediction.probabilities(), 1e-6f);
            assertEquals(6, prediction.windowCount());
            assertEquals(prediction.topGenre(), prediction.top(3).get(0).genre());
            assertTrue(prediction.top(3).get(0).probability() >= prediction.top(3).get(1).probability());
            assertEquals(TestTiles.GENRES, prediction.labels());
        }
    }

    @Test
    void predictionIsUncertainBelowTheThresholdOnly() throws Exception {
        FeatureSpec spec = TestTiles.smallMel();
        // Zero weights: every window is exactly uniform, a confidence of 1/3.
        Path model = OnnxTestModels.writeLinearModel(dir, "flat", spec, TestTiles.GENRES, new float[3][1],
                new float[3]);
        Tiles tiles = TestTiles.random(spec, 2, 1, false);

        try (GenreClassifier strict = GenreClassifier.open(model, CPU.withUncertaintyThreshold(0.5f));
                GenreClassifier lenient = GenreClassifier.open(model, CPU.withUncertaintyThreshold(0.3f))) {
            assertTrue(strict.classify(tiles).uncertain());
            assertFalse(lenient.classify(tiles).uncertain());
        }
    }

    @Test
    void paddedFlagIsCopiedFromTheTiles() throws Exception {
        FeatureSpec spec = TestTiles.smallMel();
        Path model = OnnxTestModels.writeCnn(dir, "cnn", spec, TestTiles.GENRES, new int[] {4}, 1);

        try (GenreClassifier classifier = GenreClassifier.open(model, CPU)) {
            assertTrue(classifier.classify(TestTiles.random(spec, 1, 1, true)).padded());
            assertFalse(classifier.classify(TestTiles.random(spec, 1, 1, false)).padded());
        }
    }

    @Test
    void tilesOfTheWrongShapeAreRejectedNamingBothShapes() throws Exception {
        FeatureSpec spec = TestTiles.smallMel();
        Path model = OnnxTestModels.writeCnn(dir, "cnn", spec, TestTiles.GENRES, new int[] {4}, 1);
        Tiles wrong = TestTiles.random(TestTiles.smallMultiStft(), 2, 1, false);

        try (GenreClassifier classifier = GenreClassifier.open(model, CPU)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> classifier.classify(wrong));
            assertTrue(e.getMessage().contains("[3, 16, 31]"), e.getMessage());
            assertTrue(e.getMessage().contains("[1, 16, 31]"), e.getMessage());
        }
    }

    @Test
    void classifierExposesItsCardSpecAndLabels() throws Exception {
        FeatureSpec spec = TestTiles.smallMel();
        Path model = OnnxTestModels.writeCnn(dir, "cnn", spec, TestTiles.GENRES, new int[] {4}, 1);

        try (GenreClassifier classifier = GenreClassifier.open(model, CPU)) {
            assertEquals(spec, classifier.featureSpec());
            assertEquals(TestTiles.GENRES, classifier.labels());
            assertEquals(ModelCard.read(ModelCard.cardPathFor(model)), classifier.card());
        }
    }

    @Test
    void graphThatDoesNotEndInSoftmaxIsCaughtWhenItRuns() throws Exception {
        FeatureSpec spec = TestTiles.smallMel();
        Path model = OnnxTestModels.write(dir, "means", channelMeanGraph(spec), spec, List.of("rock"), Map.of());
        Tiles loud = TestTiles.tiles(spec, filled(spec, 2f), 1, false);

        try (GenreClassifier classifier = GenreClassifier.open(model, CPU)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> classifier.windowProbabilities(loud));
            assertTrue(e.getMessage().contains("must end in Softmax"), e.getMessage());
        }
    }

    /** GlobalAveragePool → Flatten: one "probability" per window that is really the tile mean. */
    private static ModelProto channelMeanGraph(FeatureSpec spec) {
        TensorShapeProto.Builder in = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch"));
        for (long d : new long[] {spec.channels(), spec.height(), spec.framesPerWindow()}) {
            in.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        TensorShapeProto.Builder out = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch"))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(1));
        int f = TensorProto.DataType.FLOAT.getNumber();
        GraphProto graph = GraphProto.newBuilder().setName("means")
                .addInput(ValueInfoProto.newBuilder().setName("tiles").setType(TypeProto.newBuilder()
                        .setTensorType(TypeProto.Tensor.newBuilder().setElemType(f).setShape(in))))
                .addOutput(ValueInfoProto.newBuilder().setName("out").setType(TypeProto.newBuilder()
                        .setTensorType(TypeProto.Tensor.newBuilder().setElemType(f).setShape(out))))
                .addNode(NodeProto.newBuilder().setOpType("GlobalAveragePool").addInput("tiles").addOutput("pooled"))
                .addNode(NodeProto.newBuilder().setOpType("Flatten").addInput("pooled").addOutput("out"))
                .build();
        return ModelProto.newBuilder().setIrVersion(8).setGraph(graph)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OnnxTestModels.OPSET))
                .build();
    }

    private static float[] filled(FeatureSpec spec, float value) {
        float[] data = new float[spec.channels() * spec.height() * spec.framesPerWindow()];
        Arrays.fill(data, value);
        return data;
    }

    private float[][] rowsWithBatch(Path model, Tiles tiles, int batch) throws ModelLoadException {
        try (GenreClassifier classifier = GenreClassifier.open(model, CPU.withBatchSize(batch))) {
            return classifier.windowProbabilities(tiles);
        }
    }

    /** softmax(W · channelMeans + b) in double precision. */
    private static float[] expectedLinear(float[] tile, int channels, float[][] weights, float[] bias) {
        int perChannel = tile.length / channels;
        double[] means = new double[channels];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < perChannel; i++) {
                means[c] += tile[c * perChannel + i];
            }
            means[c] /= perChannel;
        }
        double[] logits = new double[weights.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < weights.length; k++) {
            logits[k] = bias[k];
            for (int c = 0; c < channels; c++) {
                logits[k] += weights[k][c] * means[c];
            }
            max = Math.max(max, logits[k]);
        }
        double sum = 0;
        for (int k = 0; k < logits.length; k++) {
            logits[k] = Math.exp(logits[k] - max);
            sum += logits[k];
        }
        float[] out = new float[logits.length];
        for (int k = 0; k < logits.length; k++) {
            out[k] = (float) (logits[k] / sum);
        }
        return out;
    }
}
