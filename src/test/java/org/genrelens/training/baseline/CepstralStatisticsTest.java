package org.genrelens.training.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Arrays;
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

class CepstralStatisticsTest {

    @Test
    void onnxRuntimeComputesWhatTheJavaFeaturesGive(@TempDir Path dir) throws Exception {
        FeatureSpec spec = BaselineTrainer.BUNDLED_TILES;
        CepstralStatistics cepstral = new CepstralStatistics(40);
        Random random = new Random(3);
        List<String> labels = List.of("a", "b", "c");
        float[][] weights = new float[3][cepstral.featureCount(spec.channels())];
        for (float[] row : weights) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) (random.nextGaussian() * 0.2);
            }
        }
        SoftmaxRegression.Fit fit = new SoftmaxRegression.Fit(weights, new float[] {0.1f, -0.2f, 0.05f});
        Path model = dir.resolve("cepstral.onnx");
        cepstral.writeModel(model, spec, fit);
        ModelCard.describe(model, "cepstral", labels, spec, Map.of(), Map.of(), Map.of())
                .write(ModelCard.cardPathFor(model));
        Tiles tiles = randomTiles(spec, 4, random);

        float[][] rows = cepstral.of(tiles);
        try (GenreClassifier classifier = GenreClassifier.open(model, ClassifierOptions.defaults())) {
            float[][] onnx = classifier.windowProbabilities(tiles);
            for (int t = 0; t < tiles.count(); t++) {
                double[] java = BaselinePredictor.windowProbabilities(fit, rows[t]);
                for (int k = 0; k < labels.size(); k++) {
                    assertEquals(java[k], onnx[t][k], 1e-4, "tile " + t + " class " + k);
                }
            }
        }
    }

    @Test
    void firstCoefficientIsTheScaledMeanOfTheBandsAndAConstantTileHasNoSpread() {
        int height = 8;
        int width = 5;
        float[] data = new float[height * width];
        Arrays.fill(data, -0.5f);
        Tiles tiles = new Tiles(data, 1, 1, height, width, new double[1], false);

        float[] row = new CepstralStatistics(3).of(tiles)[0];

        assertEquals(-0.5 * Math.sqrt(height), row[0], 1e-5, "DCT-II coefficient 0, orthonormal");
        assertEquals(0.0, row[1], 1e-5);
        assertEquals(Math.sqrt(TileStatistics.VARIANCE_EPSILON), row[3], 1e-6, "std of a constant");
        assertEquals(0.0, row[6], 1e-6, "delta mean");
        assertThrows(IllegalArgumentException.class, () -> new CepstralStatistics(9).of(tiles));
    }

    private static Tiles randomTiles(FeatureSpec spec, int count, Random random) {
        int size = spec.channels() * spec.height() * spec.framesPerWindow();
        float[] data = new float[count * size];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (random.nextGaussian() * 0.8 - 0.5);
        }
        return new Tiles(data, count, spec.channels(), spec.height(), spec.framesPerWindow(), new double[count],
                false);
    }
}
