package org.genrelens.inference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.genrelens.features.FeatureSpec;

/**
 * What a model file is and where it came from: the {@code models/<name>.card.json} beside
 * {@code models/<name>.onnx}. The trainer writes it and the classifier refuses a model whose card does not
 * match the graph.
 *
 * @param formatVersion card format, {@value #FORMAT_VERSION} for now
 * @param name          model name, usually the file name without extension
 * @param labels        genre labels in model output order
 * @param featureSpec   how audio becomes the model's input tiles
 * @param inputShape    the graph's input shape, batch dimension first as -1
 * @param sha256        hex SHA-256 of the .onnx file
 * @param createdAt     ISO-8601 time the model was exported
 * @param provenance    data, split, seed, library versions...
 * @param modelSpec     architecture and hyperparameters; may be empty
 * @param metrics       evaluation results with the protocol that produced them; may be empty
 */
public record ModelCard(
        int formatVersion,
        String name,
        List<String> labels,
        FeatureSpec featureSpec,
        List<Long> inputShape,
        String sha256,
        String createdAt,
        Map<String, Object> provenance,
        Map<String, Object> modelSpec,
        Map<String, Object> metrics) {

    public static final int FORMAT_VERSION = 1;

    private static final String CARD_SUFFIX = ".card.json";
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    /** Fields a card may leave out; every other component is required. */
    private static final Set<String> OPTIONAL_FIELDS = Set.of("modelSpec", "metrics");
    // Unknown fields are skipped so that cards from newer trainers still load.
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public ModelCard {
        require(formatVersion >= 1, "formatVersion must be at least 1, was " + formatVersion);
        require(name != null && !name.isBlank(), "name must not be blank");
        Objects.requireNonNull(labels, "labels");
        labels = List.copyOf(labels);
        require(!labels.isEmpty(), "labels must not be empty");
        Set<String> seen = new HashSet<>();
        for (String label : labels) {
            require(!label.isBlank(), "labels must not be blank");
            require(seen.add(label), "label '" + label + "' appears twice");
        }
        Objects.requireNonNull(featureSpec, "featureSpec");
        Objects.requireNonNull(inputShape, "inputShape");
        inputShape = List.copyOf(inputShape);
        require(inputShape.size() >= 2 && inputShape.get(0) == -1,
                "inputShape must start with the batch dimension -1, was " + inputShape);
        for (long dim : inputShape.subList(1, inputShape.size())) {
            require(dim > 0, "inputShape dimensions after the batch must be positive, was " + inputShape);
        }
        Objects.requireNonNull(sha256, "sha256");
        sha256 = sha256.toLowerCase(Locale.ROOT);
        require(SHA256_HEX.matcher(sha256).matches(), "sha256 must be 64 hex digits, was '" + sha256 + "'");
        Objects.requireNonNull(createdAt, "createdAt");
        try {
            DateTimeFormatter.ISO_DATE_TIME.parse(createdAt);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("createdAt must be an ISO-8601 date-time, was '" + createdAt + "'");
        }
        provenance = frozen(Objects.requireNonNull(provenance, "provenance"));
        modelSpec = frozen(modelSpec == null ? Map.of() : modelSpec);
        metrics = frozen(metrics == null ? Map.of() : metrics);
    }

    /**
     * A card for a freshly exported model: hashes the file, takes the input shape from the spec and stamps
     * the current time. The trainer's way to make a card.
     */
    public static ModelCard describe(Path onnxFile, String name, List<String> labels, FeatureSpec featureSpec,
            Map<String, Object> provenance, Map<String, Object> modelSpec, Map<String, Object> metrics)
            throws IOException {
        List<Long> shape = Arrays.stream(featureSpec.inputShape()).boxed().toList();
        return new ModelCard(FORMAT_VERSION, name, labels, featureSpec, shape, sha256Of(onnxFile),
                Instant.now().toString(), provenance, modelSpec, metrics);
    }

    /** {@code models/x.onnx} → {@code models/x.card.json}. */
    public static Path cardPathFor(Path onnxFile) {
        String file = onnxFile.getFileName().toString();
        String base = file.toLowerCase(Locale.ROOT).endsWith(".onnx") ? file.substring(0, file.length() - 5) : file;
        return onnxFile.resolveSibling(base + CARD_SUFFIX);
    }

    /** Hex SHA-256 of a file's bytes, streamed. */
    public static String sha256Of(Path file) throws IOException {
        MessageDigest digest = sha256Digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Hex SHA-256 of bytes already in memory. */
    public static String sha256Of(byte[] bytes) {
        return HexFormat.of().formatHex(sha256Digest().digest(bytes));
    }

    /**
     * Reads a card.
     *
     * @throws java.nio.file.NoSuchFileException if there is no card
     * @throws InvalidModelCardException         if it is not JSON, lacks a required field or holds a bad value
     */
    public static ModelCard read(Path cardJson) throws IOException {
        byte[] bytes = Files.readAllBytes(cardJson);
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new InvalidModelCardException(cardJson, "not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidModelCardException(cardJson, "expected a JSON object", null);
        }
        requireFields(cardJson, root, ModelCard.class, "", OPTIONAL_FIELDS);
        requireFields(cardJson, root.get("featureSpec"), FeatureSpec.class, "featureSpec.", Set.of());
        int version = root.get("formatVersion").asInt();
        if (version > FORMAT_VERSION) {
            throw new InvalidModelCardException(cardJson, "format " + version
                    + " is newer than this GenreLens understands (" + FORMAT_VERSION + "); update GenreLens", null);
        }
        try {
            return JSON.treeToValue(root, ModelCard.class);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new InvalidModelCardException(cardJson, cause.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new InvalidModelCardException(cardJson, e.getOriginalMessage(), e);
        }
    }

    /** Writes the card as indented JSON, replacing any earlier card in one move. */
    public void write(Path cardJson) throws IOException {
        AtomicFiles.write(cardJson, JSON.writeValueAsBytes(this));
    }

    /** The input shape as ONNX Runtime reports it. */
    public long[] inputShapeArray() {
        return inputShape.stream().mapToLong(Long::longValue).toArray();
    }

    private static void requireFields(Path cardJson, JsonNode node, Class<? extends Record> type, String prefix,
            Set<String> optional) throws InvalidModelCardException {
        if (node == null || !node.isObject()) {
            throw new InvalidModelCardException(cardJson, "field '" + prefix.replace(".", "")
                    + "' must be a JSON object", null);
        }
        for (var component : type.getRecordComponents()) {
            String field = component.getName();
            if (!optional.contains(field) && (!node.has(field) || node.get(field).isNull())) {
                throw new InvalidModelCardException(cardJson, "required field '" + prefix + field + "' is missing",
                        null);
            }
        }
    }

    private static Map<String, Object> frozen(Map<String, Object> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
