package org.genrelens.training.baseline;

import java.io.IOException;
import java.nio.file.Path;
import org.genrelens.features.FeatureSpec;
import org.genrelens.features.Tiles;
import org.genrelens.training.onnx.OnnxGraphBuilder;

/**
 * Cepstral summary of a tile, the features of the statistics baseline since decision record 10: each frame's
 * bands (per channel) through a DCT-II to {@code coefficients} cepstral coefficients (MFCCs when the tile is
 * log-mel), then over the tile's frames the mean and standard deviation of every coefficient and of its
 * frame-to-frame difference (delta). {@link #writeModel} computes exactly this inside the ONNX graph (a MatMul
 * with the same DCT matrix, a MatMul with a difference matrix, the same two-pass variance), so the logistic
 * regression sees the same numbers in training and at inference.
 *
 * <p>Feature order: four blocks (means, stds, delta means, delta stds), each channel-major {@code [c * n + k]}.
 */
public final class CepstralStatistics {

    private final int coefficients;

    public CepstralStatistics(int coefficients) {
        if (coefficients < 1) {
            throw new IllegalArgumentException("coefficients must be at least 1, was " + coefficients);
        }
        this.coefficients = coefficients;
    }

    public int coefficients() {
        return coefficients;
    }

    public int featureCount(int channels) {
        return 4 * channels * coefficients;
    }

    /** One feature row per tile. */
    public float[][] of(Tiles tiles) {
        int channels = tiles.channels();
        int height = tiles.height();
        int width = tiles.width();
        requireFits(height, width);
        float[] dct = dctMatrix(height, coefficients);
        int n = coefficients;
        int block = channels * n;
        float[][] out = new float[tiles.count()][4 * block];
        float[] data = tiles.data();
        float[][] cepstrum = new float[width][n];
        float[][] delta = new float[width - 1][n];
        for (int t = 0; t < tiles.count(); t++) {
            for (int c = 0; c < channels; c++) {
                int offset = t * tiles.tileSize() + c * height * width;
                for (int w = 0; w < width; w++) {
                    for (int k = 0; k < n; k++) {
                        float sum = 0f;
                        for (int h = 0; h < height; h++) {
                            sum += data[offset + h * width + w] * dct[h * n + k];
                        }
                        cepstrum[w][k] = sum;
                    }
                }
                for (int w = 0; w < width - 1; w++) {
                    for (int k = 0; k < n; k++) {
                        delta[w][k] = cepstrum[w + 1][k] - cepstrum[w][k];
                    }
                }
                for (int k = 0; k < n; k++) {
                    float[] stats = meanAndStd(cepstrum, k);
                    float[] deltaStats = meanAndStd(delta, k);
                    out[t][c * n + k] = stats[0];
                    out[t][block + c * n + k] = stats[1];
                    out[t][2 * block + c * n + k] = deltaStats[0];
                    out[t][3 * block + c * n + k] = deltaStats[1];
                }
            }
        }
        return out;
    }

    /**
     * Writes the baseline graph: input {@code tiles [batch, C, H, W]}, cepstral statistics, Gemm, Softmax, output
     * {@code probabilities [batch, classes]}.
     */
    public void writeModel(Path target, FeatureSpec spec, SoftmaxRegression.Fit fit) throws IOException {
        int classes = fit.bias().length;
        int height = spec.height();
        int width = spec.framesPerWindow();
        requireFits(height, width);
        int features = featureCount(spec.channels());
        if (fit.weights()[0].length != features) {
            throw new IllegalArgumentException("weights expect " + fit.weights()[0].length
                    + " features, " + coefficients + " cepstral coefficients of this spec give " + features);
        }
        float[] weights = new float[classes * features];
        for (int k = 0; k < classes; k++) {
            System.arraycopy(fit.weights()[k], 0, weights, k * features, features);
        }
        // delta = difference · cepstrum along the frames: row w is -1 at w and +1 at w + 1
        float[] difference = new float[(width - 1) * width];
        for (int w = 0; w < width - 1; w++) {
            difference[w * width + w] = -1f;
            difference[w * width + w + 1] = 1f;
        }
        String in = StatisticsModelWriter.INPUT;
        OnnxGraphBuilder graph = new OnnxGraphBuilder("genre-cepstral-baseline")
                .input(in, spec.inputShape())
                .initializer("epsilon", new float[] {TileStatistics.VARIANCE_EPSILON}, 1)
                .initializer("dct", dctMatrix(height, coefficients), height, coefficients)
                .initializer("difference", difference, width - 1, width)
                .initializer("weights", weights, classes, features)
                .initializer("bias", fit.bias(), classes)
                .node("Transpose", new String[] {in}, "frames", OnnxGraphBuilder.ints("perm", 0, 1, 3, 2))
                .node("MatMul", new String[] {"frames", "dct"}, "cepstrum")
                .node("MatMul", new String[] {"difference", "cepstrum"}, "delta");
        statistics(graph, "cepstrum");
        statistics(graph, "delta");
        graph.node("Concat", new String[] {"cepstrum.mean", "cepstrum.std", "delta.mean", "delta.std"}, "features",
                        OnnxGraphBuilder.integer("axis", 1))
                .node("Gemm", new String[] {"features", "weights", "bias"}, "logits",
                        OnnxGraphBuilder.integer("transB", 1))
                .node("Softmax", new String[] {"logits"}, StatisticsModelWriter.OUTPUT,
                        OnnxGraphBuilder.integer("axis", 1))
                .output(StatisticsModelWriter.OUTPUT, -1, classes)
                .write(target);
    }

    /** {@code x [B, C, frames, n]} → {@code x.mean, x.std [B, C * n]}: the mean and two-pass std over frames. */
    private static void statistics(OnnxGraphBuilder graph, String x) {
        graph.node("ReduceMean", new String[] {x}, x + ".meanKept", OnnxGraphBuilder.ints("axes", 2),
                        OnnxGraphBuilder.integer("keepdims", 1))
                .node("Sub", new String[] {x, x + ".meanKept"}, x + ".centred")
                .node("Mul", new String[] {x + ".centred", x + ".centred"}, x + ".squares")
                .node("ReduceMean", new String[] {x + ".squares"}, x + ".variance", OnnxGraphBuilder.ints("axes", 2),
                        OnnxGraphBuilder.integer("keepdims", 0))
                .node("Add", new String[] {x + ".variance", "epsilon"}, x + ".varianceSafe")
                .node("Sqrt", new String[] {x + ".varianceSafe"}, x + ".stdKept")
                .node("Flatten", new String[] {x + ".meanKept"}, x + ".mean", OnnxGraphBuilder.integer("axis", 1))
                .node("Flatten", new String[] {x + ".stdKept"}, x + ".std", OnnxGraphBuilder.integer("axis", 1));
    }

    private void requireFits(int height, int width) {
        if (coefficients > height || width < 2) {
            throw new IllegalArgumentException(coefficients + " cepstral coefficients need at least as many bands "
                    + "and two frames; the tiles have " + height + " bands and " + width + " frames");
        }
    }

    /** Orthonormal DCT-II as an [height, n] matrix: cepstrum = bands · dct. */
    public static float[] dctMatrix(int height, int n) {
        float[] matrix = new float[height * n];
        for (int h = 0; h < height; h++) {
            for (int k = 0; k < n; k++) {
                double scale = Math.sqrt((k == 0 ? 1.0 : 2.0) / height);
                matrix[h * n + k] = (float) (scale * Math.cos(Math.PI * k * (h + 0.5) / height));
            }
        }
        return matrix;
    }

    private static float[] meanAndStd(float[][] rows, int k) {
        float sum = 0f;
        for (float[] row : rows) {
            sum += row[k];
        }
        float mean = sum / rows.length;
        // two passes, as in the graph: E[x²] − E[x]² cancels to a negative number in float
        float squares = 0f;
        for (float[] row : rows) {
            float centred = row[k] - mean;
            squares += centred * centred;
        }
        return new float[] {mean, (float) Math.sqrt(squares / rows.length + TileStatistics.VARIANCE_EPSILON)};
    }
}
