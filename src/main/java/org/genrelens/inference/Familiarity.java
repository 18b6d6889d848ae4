package org.genrelens.inference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How familiar a track's pooled embedding is to the music a model learned: the mean squared distance, in units of
 * each dimension's within-genre spread, to the nearest genre's centre. Music far from every genre it learned is
 * likely a genre it never learned, which a confidence alone does not show (a softmax is sure of something even for
 * noise it has never seen). Fitted on the training tracks' embeddings; the threshold is a quantile of the training
 * tracks' own distances, each measured to its genre's centre without itself (leave one out), so the quantile is the
 * share of known music that stays familiar (decision record 0023).
 *
 * @param centres   one centre per genre, in the model's label order
 * @param scales    each dimension's pooled within-genre standard deviation
 * @param threshold the largest distance still called familiar
 * @param quantile  the share of training tracks within the threshold
 */
public record Familiarity(float[][] centres, float[] scales, double threshold, double quantile, float[][] whitening) {

    /** Diagonal: each dimension scaled by its own spread, correlations ignored. */
    public Familiarity(float[][] centres, float[] scales, double threshold, double quantile) {
        this(centres, scales, threshold, quantile, null);
    }

    /** Where a card's model spec keeps it. */
    public static final String CARD_KEY = "familiarity";

    /**
     * The default share of known music kept familiar, chosen from the leave-one-genre-out measurement (README, "Honest
     * about the unknown").
     */
    public static final double DEFAULT_QUANTILE = 0.8;

    /** The smallest spread a dimension is given, so a constant dimension does not divide by zero. */
    private static final double SCALE_FLOOR = 1e-3;

    public Familiarity {
        if (centres.length == 0 || scales.length == 0 || centres[0].length != scales.length) {
            throw new IllegalArgumentException("familiarity needs a centre per genre as wide as its " + scales.length
                    + " scales");
        }
    }

    /** Mean squared z-distance to the nearest centre. */
    public double distance(float[] embedding) {
        requireWidth(embedding);
        double best = Double.POSITIVE_INFINITY;
        for (float[] centre : centres) {
            best = Math.min(best, distance(embedding, centre));
        }
        return best;
    }

    public boolean familiar(float[] embedding) {
        return distance(embedding) <= threshold;
    }

    /**
     * @param embeddings one pooled embedding per training track
     * @param labels     each track's genre index
     * @param quantile   the share of training tracks to keep familiar, e.g. 0.95
     */
    public static Familiarity fit(List<float[]> embeddings, int[] labels, int genres, double quantile) {
        return fit(embeddings, labels, genres, quantile, 1.0);
    }

    /** Folds of the threshold's calibration. */
    private static final int CALIBRATION_FOLDS = 5;

    /**
     * {@link #fit} with correlations: the within-genre correlation matrix shrunk towards the identity by
     * {@code shrinkage} (1 = diagonal), whitened through its Cholesky factor. The threshold is calibrated by
     * cross-validation: each track's distance is measured by a familiarity fitted without its fold (each genre's
     * tracks dealt round the folds), so the quantile is the share of unseen known music kept familiar.
     */
    public static Familiarity fit(List<float[]> embeddings, int[] labels, int genres, double quantile,
            double shrinkage) {
        if (!(quantile > 0 && quantile <= 1)) {
            throw new IllegalArgumentException("the quantile must be in (0, 1], was " + quantile);
        }
        int[] fold = new int[labels.length];
        int[] dealt = new int[genres];
        for (int i = 0; i < labels.length; i++) {
            fold[i] = dealt[labels[i]]++ % CALIBRATION_FOLDS;
        }
        List<Double> distances = new ArrayList<>();
        for (int f = 0; f < CALIBRATION_FOLDS; f++) {
            List<float[]> inside = new ArrayList<>();
            List<Integer> insideLabels = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (fold[i] != f) {
                    inside.add(embeddings.get(i));
                    insideLabels.add(labels[i]);
                }
            }
            if (inside.isEmpty()) {
                continue;
            }
            Familiarity part = shape(inside, insideLabels.stream().mapToInt(Integer::intValue).toArray(), genres,
                    shrinkage);
            for (int i = 0; i < labels.length; i++) {
                if (fold[i] == f) {
                    distances.add(part.distance(embeddings.get(i)));
                }
            }
        }
        if (distances.isEmpty()) {
            throw new IllegalArgumentException("no genre has two tracks: nothing unseen to calibrate familiarity on");
        }
        Familiarity whole = shape(embeddings, labels, genres, shrinkage);
        distances.sort(null);
        int index = Math.min(distances.size() - 1, (int) Math.ceil(quantile * distances.size()) - 1);
        return new Familiarity(whole.centres(), whole.scales(), distances.get(Math.max(0, index)), quantile,
                whole.whitening());
    }

    /** Centres, spreads and (below shrinkage 1) whitening, with no threshold yet. */
    private static Familiarity shape(List<float[]> embeddings, int[] labels, int genres, double shrinkage) {
        Familiarity diagonal = diagonalShape(embeddings, labels, genres);
        return shrinkage >= 1 ? diagonal : correlatedShape(embeddings, labels, genres, shrinkage, diagonal);
    }

    private static Familiarity diagonalShape(List<float[]> embeddings, int[] labels, int genres) {
        if (embeddings.size() != labels.length || embeddings.isEmpty()) {
            throw new IllegalArgumentException("need one label per embedding, and at least one");
        }
        int width = embeddings.get(0).length;
        double[][] sums = new double[genres][width];
        int[] counts = new int[genres];
        for (int i = 0; i < labels.length; i++) {
            counts[labels[i]]++;
            for (int j = 0; j < width; j++) {
                sums[labels[i]][j] += embeddings.get(i)[j];
            }
        }
        float[][] centres = new float[genres][width];
        for (int k = 0; k < genres; k++) {
            for (int j = 0; j < width; j++) {
                centres[k][j] = counts[k] == 0 ? Float.NaN : (float) (sums[k][j] / counts[k]);
            }
        }
        double[] squares = new double[width];
        for (int i = 0; i < labels.length; i++) {
            for (int j = 0; j < width; j++) {
                double d = embeddings.get(i)[j] - centres[labels[i]][j];
                squares[j] += d * d;
            }
        }
        int present = (int) Arrays.stream(counts).filter(c -> c > 0).count();
        float[] scales = new float[width];
        for (int j = 0; j < width; j++) {
            scales[j] = (float) Math.max(SCALE_FLOOR, Math.sqrt(squares[j] / Math.max(1, labels.length - present)));
        }
        float[][] kept = Arrays.stream(centres).filter(c -> !Float.isNaN(c[0])).toArray(float[][]::new);
        return new Familiarity(kept, scales, Double.POSITIVE_INFINITY, 1.0);
    }

    /** Plain values for a model card. */
    public Map<String, Object> toMap() {
        List<List<Double>> rows = new ArrayList<>();
        for (float[] centre : centres) {
            rows.add(floats(centre));
        }
        return Map.of("centres", rows, "scales", floats(scales), "threshold", threshold, "quantile", quantile,
                "measure", "mean squared within-genre z-distance of the pooled embedding to the nearest genre centre");
    }

    /** The familiarity a card's map describes, or null when the map has none. */
    @SuppressWarnings("unchecked")
    public static Familiarity fromMap(Object value) {
        if (!(value instanceof Map<?, ?> map) || !map.containsKey("centres")) {
            return null;
        }
        try {
            List<List<Number>> rows = (List<List<Number>>) map.get("centres");
            float[][] centres = new float[rows.size()][];
            for (int k = 0; k < centres.length; k++) {
                centres[k] = toFloats(rows.get(k));
            }
            return new Familiarity(centres, toFloats((List<Number>) map.get("scales")),
                    ((Number) map.get("threshold")).doubleValue(), ((Number) map.get("quantile")).doubleValue());
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("the card's familiarity needs centres, scales, threshold and quantile",
                    e);
        }
    }

    private double distance(float[] x, float[] centre) {
        double sum = 0;
        if (whitening != null) {
            double[] diff = new double[x.length];
            for (int j = 0; j < x.length; j++) {
                diff[j] = (x[j] - centre[j]) / scales[j];
            }
            for (int r = 0; r < x.length; r++) {
                double z = 0;
                float[] row = whitening[r];
                for (int j = 0; j <= r; j++) {
                    z += row[j] * diff[j];
                }
                sum += z * z;
            }
            return sum / x.length;
        }
        for (int j = 0; j < x.length; j++) {
            double z = (x[j] - centre[j]) / scales[j];
            sum += z * z;
        }
        return sum / x.length;
    }

    private static Familiarity correlatedShape(List<float[]> embeddings, int[] labels, int genres, double shrinkage,
            Familiarity diagonal) {
        int width = diagonal.scales().length;
        double[][] centres = new double[genres][width];
        int[] counts = new int[genres];
        for (int i = 0; i < labels.length; i++) {
            counts[labels[i]]++;
            for (int j = 0; j < width; j++) {
                centres[labels[i]][j] += embeddings.get(i)[j];
            }
        }
        for (int k = 0; k < genres; k++) {
            for (int j = 0; j < width; j++) {
                centres[k][j] /= Math.max(1, counts[k]);
            }
        }
        double[][] correlation = new double[width][width];
        for (int i = 0; i < labels.length; i++) {
            double[] z = new double[width];
            for (int j = 0; j < width; j++) {
                z[j] = (embeddings.get(i)[j] - centres[labels[i]][j]) / diagonal.scales()[j];
            }
            for (int a = 0; a < width; a++) {
                for (int b = 0; b <= a; b++) {
                    correlation[a][b] += z[a] * z[b];
                }
            }
        }
        int present = (int) Arrays.stream(counts).filter(c -> c > 0).count();
        double n = Math.max(1, labels.length - present);
        for (int a = 0; a < width; a++) {
            for (int b = 0; b <= a; b++) {
                double value = (1 - shrinkage) * correlation[a][b] / n + (a == b ? shrinkage : 0);
                correlation[a][b] = value;
                correlation[b][a] = value;
            }
        }
        return new Familiarity(diagonal.centres(), diagonal.scales(), Double.POSITIVE_INFINITY, 1.0,
                inverseCholesky(correlation));
    }

    /** L⁻¹ for the Cholesky factor L of a symmetric positive-definite matrix: ‖L⁻¹ d‖² = dᵀ A⁻¹ d. */
    private static float[][] inverseCholesky(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                l[i][j] = i == j ? Math.sqrt(Math.max(sum, 1e-9)) : sum / l[j][j];
            }
        }
        double[][] inverse = new double[n][n];
        for (int c = 0; c < n; c++) {
            // solve L x = e_c by forward substitution
            for (int i = c; i < n; i++) {
                double sum = i == c ? 1 : 0;
                for (int k = c; k < i; k++) {
                    sum -= l[i][k] * inverse[k][c];
                }
                inverse[i][c] = sum / l[i][i];
            }
        }
        float[][] out = new float[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                out[i][j] = (float) inverse[i][j];
            }
        }
        return out;
    }

    private void requireWidth(float[] embedding) {
        if (embedding.length != scales.length) {
            throw new IllegalArgumentException("an embedding of " + embedding.length + " values for a familiarity of "
                    + scales.length);
        }
    }

    private static List<Double> floats(float[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (float v : values) {
            out.add((double) v);
        }
        return out;
    }

    private static float[] toFloats(List<Number> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).floatValue();
        }
        return out;
    }
}
