package org.genrelens.training.cnn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The architecture of the genre CNN; the one description from which both the DJL network
 * ({@link CnnBuilder}) and the ONNX graph ({@link OnnxExporter}) are made, so the two cannot drift.
 *
 * <p>Per entry of {@code blockChannels} one block: Conv(kernel, same padding) → BatchNorm → ReLU, and if
 * {@code residual} a second Conv → BatchNorm added to a shortcut (identity, or 1×1 Conv → BatchNorm when the
 * channel count changes) → ReLU; then 2×2 stride-2 pooling. After the blocks: global average pool →
 * (if {@code denseWidth > 0}: Dense → ReLU → Dropout) → Dense(classes). With a {@link StatisticsPath}, the
 * statistics branch runs beside that network with its own Dense(classes), and the two logits are added.
 *
 * @param inputChannels channels of an input tile (FeatureSpec.channels()), 1..3
 * @param classes       labels the model scores, at least 2
 * @param blockChannels output channels of each block, 1..6 blocks of 1..512 channels
 * @param kernelSize    odd convolution kernel size, 1..7
 * @param residual      whether each block adds a shortcut around two convolutions
 * @param pooling       the pooling after each block
 * @param denseWidth    width of the hidden dense layer; 0 for none
 * @param dropout       dropout rate after the hidden dense layer, 0 <= dropout < 1 (unused when denseWidth is 0)
 * @param statistics    the cepstral-statistics branch beside the trunk, {@link StatisticsPath#NONE} for none
 */
public record ModelSpec(int inputChannels, int classes, List<Integer> blockChannels, int kernelSize,
        boolean residual, PoolingType pooling, int denseWidth, double dropout, StatisticsPath statistics) {

    private static final List<String> KEYS = List.of("inputChannels", "classes", "blockChannels", "kernelSize",
            "residual", "pooling", "denseWidth", "dropout");

    public ModelSpec {
        Objects.requireNonNull(blockChannels, "blockChannels");
        Objects.requireNonNull(pooling, "pooling");
        Objects.requireNonNull(statistics, "statistics");
        blockChannels = List.copyOf(blockChannels);
        require(inputChannels >= 1 && inputChannels <= 3, "inputChannels must be 1..3, was " + inputChannels);
        require(classes >= 2, "classes must be at least 2, was " + classes);
        require(!blockChannels.isEmpty() && blockChannels.size() <= 6,
                "blockChannels must list 1..6 blocks, was " + blockChannels);
        for (int channels : blockChannels) {
            require(channels >= 1 && channels <= 512, "block channels must be 1..512, was " + blockChannels);
        }
        require(kernelSize >= 1 && kernelSize <= 7 && kernelSize % 2 == 1,
                "kernelSize must be odd and 1..7, was " + kernelSize);
        require(denseWidth >= 0, "denseWidth must be >= 0 (0 = no hidden dense layer), was " + denseWidth);
        require(dropout >= 0 && dropout < 1, "dropout must be in [0, 1), was " + dropout);
    }

    /** A network without the statistics branch. */
    public ModelSpec(int inputChannels, int classes, List<Integer> blockChannels, int kernelSize, boolean residual,
            PoolingType pooling, int denseWidth, double dropout) {
        this(inputChannels, classes, blockChannels, kernelSize, residual, pooling, denseWidth, dropout,
                StatisticsPath.NONE);
    }

    /** The representative model: blocks of 16, 32, 64, 128 channels, 3×3 residual, max pooling, dense 64. */
    public static ModelSpec small(int inputChannels, int classes) {
        return new ModelSpec(inputChannels, classes, List.of(16, 32, 64, 128), 3, true, PoolingType.MAX, 64, 0.3);
    }

    /** The same body with a new output layer, for fine-tuning on a new label set. */
    public ModelSpec withClasses(int classes) {
        return new ModelSpec(inputChannels, classes, blockChannels, kernelSize, residual, pooling, denseWidth,
                dropout, statistics);
    }

    /** The same network with another statistics branch. */
    public ModelSpec withStatistics(StatisticsPath newStatistics) {
        return new ModelSpec(inputChannels, classes, blockChannels, kernelSize, residual, pooling, denseWidth,
                dropout, newStatistics);
    }

    /** Output channels of the last block: the width of the pooled feature vector. */
    public int featureWidth() {
        return blockChannels.get(blockChannels.size() - 1);
    }

    /** What the trunk hands to the classifier: the hidden dense layer's width, or the pooled features. */
    public int trunkWidth() {
        return denseWidth > 0 ? denseWidth : featureWidth();
    }

    /** The classifier's input: the trunk's features (the statistics branch has its own output layer). */
    public int classifierInputWidth() {
        return trunkWidth();
    }

    /** Input tiles must be at least this high and wide: every block halves both sides. */
    public int minimumTileSide() {
        return 1 << blockChannels.size();
    }

    /** Fields for the model card, in a fixed order; {@link #fromMap} reads them back. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("inputChannels", inputChannels);
        map.put("classes", classes);
        map.put("blockChannels", blockChannels);
        map.put("kernelSize", kernelSize);
        map.put("residual", residual);
        map.put("pooling", pooling.name());
        map.put("denseWidth", denseWidth);
        map.put("dropout", dropout);
        map.put("statisticsCoefficients", statistics.coefficients());
        map.put("statisticsWidth", statistics.width());
        return map;
    }

    /**
     * Reads a spec from a card's map, as {@link #toMap} wrote it or as JSON gave it back (any number type,
     * pooling as text). Keys other than the spec's own, such as the trainer's hyperparameters, are ignored; a card
     * written before the statistics branch existed has none.
     *
     * @throws IllegalArgumentException naming the missing or malformed field
     */
    public static ModelSpec fromMap(Map<String, Object> map) {
        Objects.requireNonNull(map, "map");
        for (String key : KEYS) {
            require(map.get(key) != null, "model spec lacks '" + key + "'; the card was not written by the CNN trainer");
        }
        List<Integer> channels = new ArrayList<>();
        if (!(map.get("blockChannels") instanceof List<?> list)) {
            throw new IllegalArgumentException("model spec 'blockChannels' must be a list of integers, was "
                    + map.get("blockChannels"));
        }
        for (Object value : list) {
            channels.add(integer("blockChannels", value));
        }
        return new ModelSpec(integer("inputChannels", map.get("inputChannels")),
                integer("classes", map.get("classes")), channels, integer("kernelSize", map.get("kernelSize")),
                bool("residual", map.get("residual")), pooling(map.get("pooling")),
                integer("denseWidth", map.get("denseWidth")), number("dropout", map.get("dropout")).doubleValue(),
                new StatisticsPath(optionalInteger(map, "statisticsCoefficients"),
                        optionalInteger(map, "statisticsWidth")));
    }

    private static int optionalInteger(Map<String, Object> map, String key) {
        return map.get(key) == null ? 0 : integer(key, map.get(key));
    }

    private static int integer(String key, Object value) {
        Number number = number(key, value);
        if (number.doubleValue() != Math.rint(number.doubleValue())
                || Math.abs(number.doubleValue()) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("model spec '" + key + "' must be an integer, was " + value);
        }
        return number.intValue();
    }

    private static Number number(String key, Object value) {
        if (value instanceof Number number) {
            return number;
        }
        throw new IllegalArgumentException("model spec '" + key + "' must be a number, was " + value);
    }

    private static boolean bool(String key, Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException("model spec '" + key + "' must be true or false, was " + value);
    }

    private static PoolingType pooling(Object value) {
        try {
            return PoolingType.valueOf(value.toString().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model spec 'pooling' must be MAX or AVG, was " + value, e);
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
