package org.genrelens.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.genrelens.features.FeatureSpec;
import org.genrelens.features.Tiles;
import org.genrelens.model.TrackPrediction;
import org.genrelens.training.onnx.OnnxGraphBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Analyses carry the model's embedding, the layer before its head (issue 12 item 4): the tap finds the head's
 * inputs in the graphs GenreLens writes, leaves the probabilities exactly as the untouched graph gives them, and a
 * graph whose head it cannot read runs as before, without an embedding.
 */
class EmbeddingTapTest {

    private static final Path BUNDLED = Path.of("models", "genre-cnn.onnx");
    private static final Path BASELINE = Path.of("models", "genre-baseline.onnx");

    @TempDir
    Path dir;

    @Test
    void theBundledEnsembleIsTappedBeforeEachMembersOutputLayer() throws Exception {
        EmbeddingTap.Tapped tapped = EmbeddingTap.tap(Files.readAllBytes(BUNDLED)).orElseThrow();
        // The CNN member's dense layer and the regression member's standardised statistics.
        assertEquals(2, tapped.parts().size(), tapped.parts().toString());
    }

    @Test
    void tappingLeavesTheProbabilitiesExactlyAsTheUntouchedGraphGivesThem() throws Exception {
        for (Path model : List.of(BUNDLED, BASELINE)) {
            try (GenreClassifier classifier = GenreClassifier.open(model, ClassifierOptions.defaults())) {
                assertTrue(classifier.hasEmbedding(), model.toString());
                Tiles tiles = TestTiles.random(classifier.featureSpec(), 5, 3L, false);
                float[][] tappedRows = classifier.windowProbabilities(tiles);
                float[][] plainRows = untouched(model, tiles, classifier.labels().size());
                for (int w = 0; w < tiles.count(); w++) {
                    assertArrayEquals(plainRows[w], tappedRows[w], 1e-6f, model + " window " + w);
                }
            }
        }
    }

    @Test
    void aTracksEmbeddingIsTheMeanOfItsWindowsEmbeddings() throws Exception {
        try (GenreClassifier classifier = GenreClassifier.open(BUNDLED, ClassifierOptions.defaults())) {
            FeatureSpec spec = classifier.featureSpec();
            Tiles tiles = TestTiles.random(spec, 6, 5L, false);
            TrackPrediction track = classifier.classify(tiles);
            assertTrue(track.hasEmbedding());
            int tileSize = tiles.tileSize();
            float[] sum = new float[track.embedding().length];
            for (int w = 0; w < tiles.count(); w++) {
                float[] one = new float[tileSize];
                System.arraycopy(tiles.data(), w * tileSize, one, 0, tileSize);
                float[] embedding = classifier.classify(TestTiles.tiles(spec, one, 1, false)).embedding();
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += embedding[i] / tiles.count();
                }
            }
            assertArrayEquals(sum, track.embedding(), 1e-4f);
            float spread = 0;
            for (float v : track.embedding()) {
                spread = Math.max(spread, Math.abs(v));
            }
            assertTrue(spread > 0, "an embedding of real tiles is not all zeros");
        }
    }

    @Test
    void aGraphWhoseHeadIsNotALinearLayerRunsWithoutAnEmbedding() throws Exception {
        FeatureSpec spec = TestTiles.smallMel();
        long[] shape = spec.inputShape();
        int bands = (int) shape[2];
        Path model = dir.resolve("no-head.onnx");
        // Softmax straight over per-band means: no Gemm, so nothing to call the layer before the head.
        new OnnxGraphBuilder("no-head").input(OnnxGraphBuilder.MODEL_INPUT, -1, shape[1], shape[2], shape[3])
                .node("ReduceMean", new String[] {OnnxGraphBuilder.MODEL_INPUT}, "mean",
                        OnnxGraphBuilder.ints("axes", 1, 3), OnnxGraphBuilder.integer("keepdims", 0))
                .node("Softmax", new String[] {"mean"}, OnnxGraphBuilder.MODEL_OUTPUT,
                        OnnxGraphBuilder.integer("axis", 1))
                .output(OnnxGraphBuilder.MODEL_OUTPUT, -1, bands).write(model);
        assertFalse(EmbeddingTap.tap(Files.readAllBytes(model)).isPresent());
    }

    private static float[][] untouched(Path model, Tiles tiles, int labels) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(Files.readAllBytes(model));
                OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(tiles.data()),
                        new long[] {tiles.count(), tiles.channels(), tiles.height(), tiles.width()});
                OrtSession.Result result = session.run(Map.of(session.getInputNames().iterator().next(), input))) {
            float[] flat = new float[tiles.count() * labels];
            ((OnnxTensor) result.get(0)).getFloatBuffer().get(flat);
            float[][] rows = new float[tiles.count()][labels];
            for (int w = 0; w < rows.length; w++) {
                System.arraycopy(flat, w * labels, rows[w], 0, labels);
            }
            return rows;
        }
    }
}
