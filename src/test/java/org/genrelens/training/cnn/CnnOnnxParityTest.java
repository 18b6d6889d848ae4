package org.genrelens.training.cnn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.genrelens.features.FeatureSpec;
import org.genrelens.training.cnn.CnnLayout.NamedParameter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For the variants the tuner can produce, ONNX Runtime running the exported file gives what DJL gives in
 * eval mode. The variants cover every value of every axis and every residual × pooling and kernel × depth
 * pair (the full product would take minutes); residual variants include identity and 1×1 shortcuts; the
 * statistics branch with and without its hidden layer, on one and three channels, with as many coefficients as bands.
 */
class CnnOnnxParityTest {

    private static final int HEIGHT = 16;
    private static final int WIDTH = 24;
    private static final float TOLERANCE = 1e-4f;

    static Stream<ModelSpec> variants() {
        return Stream.of(
                spec(1, 2, List.of(4), 3, true, PoolingType.MAX, 0),
                spec(3, 10, List.of(4), 5, false, PoolingType.AVG, 64),
                spec(1, 2, List.of(4, 4), 5, true, PoolingType.AVG, 64),
                spec(3, 10, List.of(4, 8), 3, false, PoolingType.MAX, 0),
                spec(3, 2, List.of(4, 8, 8), 5, true, PoolingType.MAX, 0),
                spec(1, 10, List.of(4, 8, 8), 3, false, PoolingType.AVG, 64),
                spec(3, 10, List.of(4, 8, 8, 16), 3, true, PoolingType.AVG, 0),
                spec(1, 2, List.of(4, 8, 8, 16), 5, false, PoolingType.MAX, 64),
                spec(3, 10, List.of(3, 6, 6, 12), 3, true, PoolingType.MAX, 64),
                ModelSpec.small(1, 10),
                spec(1, 10, List.of(4, 8), 3, true, PoolingType.MAX, 0).withStatistics(new StatisticsPath(6, 0)),
                spec(3, 10, List.of(4, 8), 3, false, PoolingType.AVG, 64).withStatistics(new StatisticsPath(5, 16)),
                spec(1, 2, List.of(4), 5, true, PoolingType.AVG, 64).withStatistics(new StatisticsPath(16, 0)));
    }

    @ParameterizedTest
    @MethodSource("variants")
    void onnxRuntimeOutputEqualsDjlEvalOutputAfterTraining(ModelSpec spec, @TempDir Path dir) throws Exception {
        // stable across runs, unlike an enum's hashCode; the same seeds as before the statistics branch existed
        long seed = spec.toString().replace(", statistics=" + StatisticsPath.NONE, "").hashCode();
        try (Model model = CnnTestNets.trained(spec, HEIGHT, WIDTH, seed, 4)) {
            requireRunningStatisticsMoved(spec, model);
            Path onnx = dir.resolve("cnn.onnx");
            OnnxExporter.export(model.getBlock(), spec, featureSpec(spec.inputChannels()), onnx);

            long[] shape = {3, spec.inputChannels(), HEIGHT, WIDTH};
            float[] input = CnnTestNets.gaussian(new Random(seed + 1), 3 * spec.inputChannels() * HEIGHT * WIDTH,
                    0.5f, 1.5f);
            float[] djl = CnnTestNets.evalProbabilities(model.getBlock(), model.getNDManager(), input, shape);
            float[] onnxRuntime = CnnTestNets.onnxProbabilities(onnx, input, shape);

            float difference = CnnTestNets.maxAbsDifference(djl, onnxRuntime);
            assertTrue(difference < TOLERANCE, spec + ": ONNX Runtime differs from DJL by " + difference);
        }
    }

    /** Parity with BatchNorm at mean 0 / variance 1 would not show a mix-up of mean and variance. */
    private static void requireRunningStatisticsMoved(ModelSpec spec, Model model) {
        float meanShift = 0;
        float varianceShift = 0;
        for (NamedParameter parameter : CnnLayout.parameters(spec, model.getBlock())) {
            float[] values = parameter.parameter().getArray().toFloatArray();
            for (float v : values) {
                if (parameter.name().endsWith(".mean")) {
                    meanShift = Math.max(meanShift, Math.abs(v));
                } else if (parameter.name().endsWith(".var")) {
                    varianceShift = Math.max(varianceShift, Math.abs(v - 1));
                }
            }
        }
        assertTrue(meanShift > 0.01f && varianceShift > 0.01f, spec + ": BatchNorm statistics did not move ("
                + meanShift + ", " + varianceShift + ")");
    }

    static ModelSpec spec(int inputChannels, int classes, List<Integer> blocks, int kernel, boolean residual,
            PoolingType pooling, int dense) {
        return new ModelSpec(inputChannels, classes, blocks, kernel, residual, pooling, dense, dense > 0 ? 0.3 : 0);
    }

    /** Tiles of 16×24: 16 bands, 1 s windows of 24 hops; three channels are a multi-resolution STFT. */
    static FeatureSpec featureSpec(int channels) {
        FeatureSpec d = FeatureSpec.defaultMel();
        List<Integer> ffts = channels == 3 ? List.of(128, 256, 512) : List.of(256);
        var type = channels == 3 ? org.genrelens.features.SpectrogramType.MULTI_STFT : d.type();
        return new FeatureSpec(type, 4800, 1.0, 0.5, ffts, 200, HEIGHT, 0, 2400, d.stftScale(), d.dbReference(),
                d.topDb(), d.normMean(), d.normStd());
    }
}
