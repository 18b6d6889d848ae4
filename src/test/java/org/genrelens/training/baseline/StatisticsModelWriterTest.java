package org.genrelens.training.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.genrelens.features.FeatureSpec;
import org.genrelens.features.FrequencyScale;
import org.genrelens.features.SpectrogramType;
import org.genrelens.features.Tiles;
import org.genrelens.inference.ClassifierOptions;
import org.genrelens.inference.GenreClassifier;
import org.genrelens.inference.ModelCard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatisticsModelWriterTest {

    @Test
    void onnxRuntimeComputesWhatTheJavaBaselineComputes(@TempDir Path dir) throws Exception {
        for (FeatureSpec spec : List.of(FeatureSpec.defaultMel(), multiStft())) {
            Random random = new Random(11);
            int features = TileStatistics.featureCount(spec.channels(), spec.height());
            List<String> labels = List.of("a", "b", "c");
            float[][] weights = new float[3][features];
            float[] bias = {0.1f, -0.2f, 0.05f};
            for (float[] row : weights) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = (float) (random.nextGaussian() * 0.05);
                }
            }
            SoftmaxRegression.Fit fit = new SoftmaxRegression.Fit(weights, bias);
            Tiles tiles = randomTiles(spec, 5, random);
            Path model = dir.resolve(spec.type() + ".onnx");
            StatisticsModelWriter.write(model, spec, fit);
            ModelCard.describe(model, "parity", labels, spec, Map.of(), Map.of(), Map.of())
                    .write(ModelCard.cardPathFor(model));

            float[][] rows = TileStatistics.of(tiles);
            try (GenreClassifier classifier = GenreClassifier.open(model, ClassifierOptions.defaults())) {
                float[][] onnx = classifier.windowProbabilities(tiles);
                for (int t = 0; t < tiles.count(); t++) {
                    double[] java = BaselinePredictor.windowProbabilities(fit, rows[t]);
                    for (int k = 0; k < labels.size(); k++) {
                        assertEquals(java[k], onnx[t][k], 1e-4, spec.type() + " tile " + t + " class " + k);
                    }
                }
            }
        }
    }

    private static FeatureSpec multiStft() {
        return new FeatureSpec(SpectrogramType.MULTI_STFT, 22_050, 5.0, 2.5, List.of(512, 1024, 2048), 512, 64,
                0, 10_000, FrequencyScale.LINEAR, FeatureSpec.defaultMel().dbReference(), 80, -40, 20);
    }

    /** Random values, with some rows constant (silent bands), which must not turn the spread into NaN. */
    private static Tiles randomTiles(FeatureSpec spec, int count, Random random) {
        int size = spec.channels() * spec.height() * spec.framesPerWindow();
        float[] data = new float[count * size];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (random.nextGaussian() * 0.8 - 0.5);
        }
        int width = spec.framesPerWindow();
        for (int row = 0; row < count * spec.channels() * spec.height(); row += 7) {
            Arrays.fill(data, row * width, (row + 1) * width, -2.0f);
        }
        double[] starts = new double[count];
        return new Tiles(data, count, spec.channels(), spec.height(), width, starts, false);
    }
}
