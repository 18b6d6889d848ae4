package org.genrelens.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.genrelens.features.DbReference;
import org.genrelens.features.FeatureSpec;
import org.genrelens.features.FrequencyScale;
import org.genrelens.features.SpectrogramType;
import org.genrelens.inference.AtomicFiles;
import org.genrelens.training.card.TuningRecord;
import org.genrelens.training.cnn.ModelSpec;
import org.genrelens.training.cnn.PoolingType;
import org.genrelens.training.cnn.StatisticsPath;
import org.genrelens.training.cnn.TrainingSettings;
import org.genrelens.training.sampling.Augmentation;

/**
 * A {@link TrainingConfig} as a JSON file: what {@code genrelens tune --out} writes and {@code train --config} reads.
 * Reading is strict: every section and key must be known and every value valid, and a refusal names the key
 * ("training.learningRate must be positive, was -1"), so a typo never silently trains something else.
 */
public final class TrainingConfigFile {

    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> TOP = Set.of("formatVersion", "featureSpec", "network", "training", "tuning");
    private static final Set<String> NETWORK = Set.of("blockChannels", "kernelSize", "residual", "pooling",
            "denseWidth", "dropout", "statisticsCoefficients", "statisticsWidth");
    private static final Set<String> TRAINING = Set.of("maxEpochs", "batchSize", "learningRate", "weightDecay",
            "earlyStoppingPatience", "plateauPatience", "plateauFactor", "minLearningRate", "classBalanced",
            "augmentation", "seed", "statisticsWarmupEpochs", "unfreezeRateFactor");
    private static final Set<String> TUNING = Set.of("searchSpace", "budgetMinutes", "maxEpochsPerTrial", "eta",
            "trials", "bestBalancedAccuracy", "bestValidLoss", "split", "validationClips", "seed", "changedAfterTuning");
    private static final Set<String> FEATURES = Set.of("type", "sampleRate", "windowSeconds", "windowHopSeconds",
            "fftSizes", "hopLength", "bands", "fMin", "fMax", "stftScale", "dbReference", "topDb", "normMean",
            "normStd");

    private TrainingConfigFile() {
    }

    /** The config as the JSON tree this class writes and reads. */
    public static Map<String, Object> toMap(TrainingConfig config) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("formatVersion", FORMAT_VERSION);
        map.put("featureSpec", JSON.convertValue(config.featureSpec(), Map.class));
        Map<String, Object> network = new LinkedHashMap<>(config.network().toMap());
        network.remove("inputChannels");
        network.remove("classes");
        map.put("network", network);
        TrainingSettings s = config.settings();
        Map<String, Object> training = new LinkedHashMap<>(s.toMap());
        training.remove("optimizer");
        training.put("augmentation", s.augmentation().partNames());
        map.put("training", training);
        config.tuning().ifPresent(t -> map.put("tuning", JSON.convertValue(t, Map.class)));
        return map;
    }

    public static void write(TrainingConfig config, Path target) throws IOException {
        AtomicFiles.write(target, JSON.writeValueAsBytes(toMap(config)));
    }

    /**
     * @throws IOException              if the file cannot be read or is not JSON
     * @throws IllegalArgumentException naming the unknown, missing or invalid key
     */
    public static TrainingConfig read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        try {
            return parse(root);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    static TrainingConfig parse(JsonNode root) {
        Reader top = new Reader(root, "", TOP);
        int version = top.integer("formatVersion");
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException("formatVersion " + version + " is not " + FORMAT_VERSION
                    + "; write the file again with this GenreLens");
        }
        FeatureSpec features = featureSpec(top.section("featureSpec", FEATURES));
        Reader n = top.section("network", NETWORK);
        ModelSpec network = valid("network", () -> new ModelSpec(features.channels(), 2, n.integers("blockChannels"),
                n.integer("kernelSize"), n.bool("residual"), n.choice("pooling", PoolingType.class),
                n.integer("denseWidth"), n.number("dropout"),
                new StatisticsPath(n.integer("statisticsCoefficients"), n.integer("statisticsWidth"))));
        Reader t = top.section("training", TRAINING);
        TrainingSettings settings = valid("training", () -> new TrainingSettings(t.integer("maxEpochs"),
                t.integer("batchSize"), t.number("learningRate"), t.number("weightDecay"),
                t.integer("earlyStoppingPatience"), t.integer("plateauPatience"), t.number("plateauFactor"),
                t.number("minLearningRate"), t.bool("classBalanced"), augmentation(t), t.integer("seed"),
                t.integer("statisticsWarmupEpochs"), t.number("unfreezeRateFactor")));
        Optional<TuningRecord> tuning = Optional.empty();
        if (root.has("tuning")) {
            Reader u = top.section("tuning", TUNING);
            tuning = Optional.of(valid("tuning", () -> new TuningRecord(u.text("searchSpace"),
                    u.number("budgetMinutes"), u.integer("maxEpochsPerTrial"), u.integer("eta"), u.integer("trials"),
                    u.number("bestBalancedAccuracy"), u.number("bestValidLoss"), u.text("split"),
                    u.texts("validationClips"), u.integer("seed"),
                    u.has("changedAfterTuning") ? u.texts("changedAfterTuning") : List.of())));
        }
        Optional<TuningRecord> chosen = tuning;
        return valid("the configuration", () -> new TrainingConfig(features, network, settings, chosen));
    }

    private static Augmentation augmentation(Reader training) {
        try {
            return Augmentation.parts(training.texts("augmentation"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("training.augmentation: " + e.getMessage(), e);
        }
    }

    private static FeatureSpec featureSpec(Reader f) {
        return valid("featureSpec", () -> new FeatureSpec(f.choice("type", SpectrogramType.class),
                f.integer("sampleRate"), f.number("windowSeconds"), f.number("windowHopSeconds"),
                f.integers("fftSizes"), f.integer("hopLength"), f.integer("bands"), f.number("fMin"), f.number("fMax"),
                f.choice("stftScale", FrequencyScale.class), f.choice("dbReference", DbReference.class),
                f.number("topDb"), f.number("normMean"), f.number("normStd")));
    }

    /** Runs a record's constructor; its refusal is prefixed with the section it came from. */
    private static <T> T valid(String section, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (KeyException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(section + ": " + e.getMessage(), e);
        }
    }

    /** A refusal that already names its key. */
    private static final class KeyException extends IllegalArgumentException {
        KeyException(String message) {
            super(message);
        }
    }

    /** Typed access to one JSON object, every refusal naming "section.key". */
    private record Reader(JsonNode node, String prefix, Set<String> known) {

        Reader {
            if (node == null || !node.isObject()) {
                throw new KeyException((prefix.isEmpty() ? "the file" : prefix.substring(0, prefix.length() - 1))
                        + " must be a JSON object");
            }
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!known.contains(name)) {
                    throw new KeyException("unknown key '" + prefix + name + "'; known keys here: "
                            + known.stream().sorted().toList());
                }
            }
        }

        boolean has(String key) {
            return node.hasNonNull(key);
        }

        Reader section(String key, Set<String> keys) {
            return new Reader(required(key), prefix + key + ".", keys);
        }

        private JsonNode required(String key) {
            JsonNode value = node.get(key);
            if (value == null || value.isNull()) {
                throw new KeyException("missing key '" + prefix + key + "'");
            }
            return value;
        }

        double number(String key) {
            JsonNode value = required(key);
            if (!value.isNumber()) {
                throw new KeyException(prefix + key + " must be a number, was " + value);
            }
            return value.doubleValue();
        }

        int integer(String key) {
            JsonNode value = required(key);
            if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                throw new KeyException(prefix + key + " must be an integer, was " + value);
            }
            return value.intValue();
        }

        boolean bool(String key) {
            JsonNode value = required(key);
            if (!value.isBoolean()) {
                throw new KeyException(prefix + key + " must be true or false, was " + value);
            }
            return value.booleanValue();
        }

        String text(String key) {
            JsonNode value = required(key);
            if (!value.isTextual()) {
                throw new KeyException(prefix + key + " must be text, was " + value);
            }
            return value.textValue();
        }

        <E extends Enum<E>> E choice(String key, Class<E> type) {
            String value = text(key);
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new KeyException(prefix + key + " must be one of "
                        + List.of(type.getEnumConstants()) + ", was \"" + value + "\"");
            }
        }

        List<Integer> integers(String key) {
            List<Integer> values = new ArrayList<>();
            for (JsonNode item : array(key)) {
                if (!item.isIntegralNumber() || !item.canConvertToInt()) {
                    throw new KeyException(prefix + key + " must list integers, has " + item);
                }
                values.add(item.intValue());
            }
            return values;
        }

        List<String> texts(String key) {
            List<String> values = new ArrayList<>();
            for (JsonNode item : array(key)) {
                if (!item.isTextual()) {
                    throw new KeyException(prefix + key + " must list text, has " + item);
                }
                values.add(item.textValue());
            }
            return values;
        }

        private JsonNode array(String key) {
            JsonNode value = required(key);
            if (!value.isArray()) {
                throw new KeyException(prefix + key + " must be a list, was " + value);
            }
            return value;
        }
    }
}
