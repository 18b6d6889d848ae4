package org.genrelens.training.cnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.nn.Block;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.genrelens.features.Tiles;
import org.genrelens.task.Cancellation;
import org.genrelens.training.baseline.BaselinePredictor;
import org.genrelens.training.baseline.CepstralStatistics;
import org.genrelens.training.baseline.SoftmaxRegression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A network with a statistics branch, started from a logistic regression fitted on the same cepstral statistics,
 * gives the regression's probabilities before any training: in DJL and in the exported ONNX graph.
 */
class RegressionStartTest {

    private static final int HEIGHT = 16;
    private static final int WIDTH = 24;
    private static final int CLASSES = 3;
    private static final float TOLERANCE = 1e-4f;

    @Test
    void anUntrainedNetworkStartedFromARegressionGivesTheRegressionsProbabilities(@TempDir Path dir)
            throws Exception {
        for (int channels : new int[] {1, 3}) {
            ModelSpec spec = new ModelSpec(channels, CLASSES, List.of(4, 8), 3, true, PoolingType.MAX, 16, 0.3,
                    new StatisticsPath(6, 0));
            Random random = new Random(7 + channels);
            Tiles training = tiles(random, 60, channels);
            SoftmaxRegression.Fit fit = fitOn(training, new CepstralStatistics(6), random);
            try (Model model = Model.newInstance("regression-start")) {
                Block block = CnnTestNets.initialised(spec, model.getNDManager(), HEIGHT, WIDTH, 11);
                new RegressionStart(fit).apply(block, spec);
                Path onnx = dir.resolve("start-" + channels + ".onnx");
                OnnxExporter.export(block, spec, CnnOnnxParityTest.featureSpec(channels), onnx);

                Tiles heldOut = tiles(random, 5, channels);
                long[] shape = {heldOut.count(), channels, HEIGHT, WIDTH};
                float[] djl = CnnTestNets.evalProbabilities(block, model.getNDManager(), heldOut.data(), shape);
                float[] onnxRuntime = CnnTestNets.onnxProbabilities(onnx, heldOut.data(), shape);
                float[] regression = regressionProbabilities(fit, new CepstralStatistics(6).of(heldOut));

                assertTrue(CnnTestNets.maxAbsDifference(djl, regression) < TOLERANCE,
                        channels + " channel(s): DJL differs from the regression by "
                                + CnnTestNets.maxAbsDifference(djl, regression));
                assertTrue(CnnTestNets.maxAbsDifference(onnxRuntime, regression) < TOLERANCE,
                        channels + " channel(s): ONNX Runtime differs from the regression by "
                                + CnnTestNets.maxAbsDifference(onnxRuntime, regression));
                assertTrue(spread(regression) > 0.05f, "the regression must not be uniform, or the test shows nothing");
            }
        }
    }

    @Test
    void aRegressionCannotStartANetworkWhoseStatisticsPassAHiddenLayerFirst() {
        ModelSpec spec = new ModelSpec(1, CLASSES, List.of(4), 3, true, PoolingType.MAX, 0, 0,
                new StatisticsPath(6, 8));
        SoftmaxRegression.Fit fit = fitOn(tiles(new Random(1), 20, 1), new CepstralStatistics(6), new Random(2));
        try (Model model = Model.newInstance("regression-start")) {
            Block block = CnnTestNets.initialised(spec, model.getNDManager(), HEIGHT, WIDTH, 3);
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> new RegressionStart(fit).apply(block, spec));
            assertTrue(refused.getMessage().contains("width 0"), refused.getMessage());
        }
    }

    @Test
    void aRegressionOnOtherStatisticsIsRefusedWithBothCounts() {
        ModelSpec spec = new ModelSpec(1, CLASSES, List.of(4), 3, true, PoolingType.MAX, 0, 0,
                new StatisticsPath(6, 0));
        SoftmaxRegression.Fit fit = fitOn(tiles(new Random(1), 20, 1), new CepstralStatistics(5), new Random(2));
        try (Model model = Model.newInstance("regression-start")) {
            Block block = CnnTestNets.initialised(spec, model.getNDManager(), HEIGHT, WIDTH, 3);
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> new RegressionStart(fit).apply(block, spec));
            assertEquals("the regression has 3 classes and 20 features; the network has 3 classes and 24 statistics",
                    refused.getMessage());
        }
    }

    /** Tiles whose class shows in their spectral shape, so the fit has something to learn. */
    private static Tiles tiles(Random random, int count, int channels) {
        int size = channels * HEIGHT * WIDTH;
        float[] data = new float[count * size];
        for (int t = 0; t < count; t++) {
            int tilt = t % CLASSES;
            for (int i = 0; i < size; i++) {
                int band = (i / WIDTH) % HEIGHT;
                data[t * size + i] = (float) (random.nextGaussian() + 0.2 * tilt * band / HEIGHT);
            }
        }
        return new Tiles(data, count, channels, HEIGHT, WIDTH, new double[count], false);
    }

    private static SoftmaxRegression.Fit fitOn(Tiles tiles, CepstralStatistics statistics, Random random) {
        int[] labels = new int[tiles.count()];
        for (int t = 0; t < labels.length; t++) {
            labels[t] = t % CLASSES;
        }
        return new SoftmaxRegression(0.01, 200, 0.05).fit(statistics.of(tiles), labels, CLASSES,
                new double[] {1, 1, 1}, Cancellation.none());
    }

    private static float[] regressionProbabilities(SoftmaxRegression.Fit fit, float[][] rows) {
        float[] flat = new float[rows.length * CLASSES];
        for (int r = 0; r < rows.length; r++) {
            double[] p = BaselinePredictor.windowProbabilities(fit, rows[r]);
            for (int k = 0; k < CLASSES; k++) {
                flat[r * CLASSES + k] = (float) p[k];
            }
        }
        return flat;
    }

    private static float spread(float[] probabilities) {
        float min = 1;
        float max = 0;
        for (float p : probabilities) {
            min = Math.min(min, p);
            max = Math.max(max, p);
        }
        return max - min;
    }
}
