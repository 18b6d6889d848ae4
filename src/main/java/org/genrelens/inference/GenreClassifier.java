package org.genrelens.inference;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.genrelens.features.FeatureSpec;
import org.genrelens.features.Tiles;
import org.genrelens.inference.ExecutionProviderChooser.ChosenSession;
import org.genrelens.inference.ModelLoadException.Reason;
import org.genrelens.model.TrackPrediction;

/**
 * Predicts genres from spectrogram tiles with an ONNX model and its card. Loading checks that the model file
 * is the one the card describes and that the graph fits the card, so a wrong model fails at start with a
 * message instead of giving wrong genres. Safe to share between threads; close it when done.
 */
public final class GenreClassifier implements AutoCloseable {

    /** How far a row may sum away from 1 before we decide the graph does not end in Softmax. */
    private static final float PROBABILITY_SUM_TOLERANCE = 1e-3f;

    private final Path modelFile;
    private final ModelCard card;
    private final ClassifierOptions options;
    private final OrtEnvironment env;
    private final ChosenSession chosen;
    private final GraphContract contract;
    private final long[] tileShape;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Whether the session also returns the embedding ({@link EmbeddingTap}). */
    private final boolean tapped;
    /** What music the model knows, from its card; null when the card has none. */
    private final Familiarity familiarity;
    /** Each worker thread's input buffer ({@link #input}): the session is shared, the buffers are not. */
    private final ThreadLocal<FloatBuffer> inputs = new ThreadLocal<>();

    private GenreClassifier(Path modelFile, ModelCard card, ClassifierOptions options, OrtEnvironment env,
            ChosenSession chosen, GraphContract contract, boolean tapped) {
        this.modelFile = modelFile;
        this.tapped = tapped;
        this.card = card;
        this.options = options;
        this.env = env;
        this.chosen = chosen;
        this.contract = contract;
        this.tileShape = card.featureSpec().inputShape();
        this.familiarity = Familiarity.fromMap(card.modelSpec().get(Familiarity.CARD_KEY));
    }

    /**
     * Loads {@code onnxModel} with the card beside it ({@link ModelCard#cardPathFor}).
     *
     * @throws ModelLoadException when the model or card is missing or invalid, the file does not match the
     *                            card's hash, the graph does not match the card, or CUDA was required and
     *                            cannot be used
     */
    public static GenreClassifier open(Path onnxModel, ClassifierOptions options) throws ModelLoadException {
        Path cardFile = ModelCard.cardPathFor(onnxModel);
        byte[] model = readModel(onnxModel);
        ModelCard card = readCard(cardFile);
        // Hash the very bytes that ONNX Runtime will load, so nothing can change in between.
        String actualHash = ModelCard.sha256Of(model);
        if (!actualHash.equals(card.sha256())) {
            throw new ModelLoadException(Reason.HASH_MISMATCH, onnxModel, "the SHA-256 of " + onnxModel + " is "
                    + actualHash + " but its card " + cardFile + " says " + card.sha256()
                    + ": the model file was changed or corrupted; re-export it or restore the card");
        }
        long[] specShape = card.featureSpec().inputShape();
        if (!Arrays.equals(card.inputShapeArray(), specShape)) {
            throw new ModelLoadException(Reason.FEATURE_SPEC_MISMATCH, cardFile, "the card " + cardFile
                    + " gives inputShape " + card.inputShape() + " but its featureSpec makes tiles of "
                    + Arrays.toString(specShape) + "; re-export the model together with its card");
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        java.util.Optional<EmbeddingTap.Tapped> tap = EmbeddingTap.tap(model);
        ChosenSession chosen = ExecutionProviderChooser.open(env,
                tap.map(EmbeddingTap.Tapped::model).orElse(model), onnxModel, options);
        try {
            GraphContract contract = GraphContract.of(chosen.session(), onnxModel);
            contract.requireInputShape(specShape, onnxModel);
            contract.requireOutputWidth(card.labels().size(), onnxModel);
            GenreClassifier classifier = new GenreClassifier(onnxModel, card, options, env, chosen, contract,
                    tap.isPresent());
            if (contract.outputWidth() == GraphContract.UNKNOWN) {
                classifier.probeOutputWidth();
            }
            return classifier;
        } catch (ModelLoadException | RuntimeException e) {
            closeQuietly(chosen);
            throw e;
        }
    }

    public ModelCard card() {
        return card;
    }

    public FeatureSpec featureSpec() {
        return card.featureSpec();
    }

    public List<String> labels() {
        return card.labels();
    }

    /** "CUDA" or "CPU": the provider that really runs the graph. */
    public String executionProvider() {
        return chosen.provider();
    }

    /** Why CUDA is not used; empty when it is. */
    public String executionProviderNote() {
        return chosen.note();
    }

    /**
     * One probability row per tile, in label order, computed in batches of {@link ClassifierOptions#batchSize()}
     * (resolved for the provider when automatic).
     *
     * @throws IllegalArgumentException if the tiles are not shaped as the model's FeatureSpec makes them
     */
    public float[][] windowProbabilities(Tiles tiles) {
        return windowProbabilities(tiles, new EmbeddingMean());
    }

    /** Whether analyses by this model carry an embedding ({@link TrackPrediction#embedding}). */
    public boolean hasEmbedding() {
        return tapped;
    }

    /** {@link #windowProbabilities(Tiles)}, adding each window's embedding to {@code embeddings}. */
    public float[][] windowProbabilities(Tiles tiles, EmbeddingMean embeddings) {
        requireTileShape(tiles);
        int labels = card.labels().size();
        int tileSize = tiles.tileSize();
        float[][] rows = new float[tiles.count()][];
        int batchSize = batchSize();
        for (int start = 0; start < tiles.count(); start += batchSize) {
            int n = Math.min(batchSize, tiles.count() - start);
            Outputs outputs = run(input(tiles.data(), start * tileSize, n * tileSize), n);
            float[] out = outputs.probabilities();
            if (outputs.embeddings() != null) {
                embeddings.add(outputs.embeddings(), n, outputs.embeddings().length / n);
            }
            if (out.length != (long) n * labels) {
                throw new IllegalStateException(modelFile + " returned " + out.length + " values for " + n
                        + " windows and " + labels + " labels");
            }
            for (int i = 0; i < n; i++) {
                rows[start + i] = Arrays.copyOfRange(out, i * labels, (i + 1) * labels);
                requireProbabilities(rows[start + i]);
            }
        }
        return rows;
    }

    /** The track's genre: window rows averaged, uncertain below the threshold, padded as the tiles say. */
    public TrackPrediction classify(Tiles tiles) {
        EmbeddingMean embeddings = new EmbeddingMean();
        return predict(windowProbabilities(tiles, embeddings), tiles.padded(), embeddings.mean());
    }

    /** The track's genre from its windows' rows ({@link #windowProbabilities}), as {@link #classify} gives it. */
    public TrackPrediction predict(float[][] windowProbabilities, boolean padded) {
        return predict(windowProbabilities, padded, new float[0]);
    }

    /** {@link #predict(float[][], boolean)} carrying the windows' mean embedding. */
    public TrackPrediction predict(float[][] windowProbabilities, boolean padded, float[] embedding) {
        TrackPrediction prediction = WindowAverager.average(card.labels(), windowProbabilities,
                options.uncertaintyThreshold(), padded, embedding);
        if (prediction.uncertain() || familiarity == null || embedding.length != familiarity.scales().length
                || familiarity.familiar(embedding)) {
            return prediction;
        }
        // far from every genre the model learned: likely a genre it never learned, however sure its softmax is
        return new TrackPrediction(prediction.labels(), prediction.probabilities(), windowProbabilities, true, padded,
                embedding);
    }

    /** What music the model knows ({@link Familiarity}), when its card says. */
    public java.util.Optional<Familiarity> familiarity() {
        return java.util.Optional.ofNullable(familiarity);
    }

    /**
     * Windows per run of the model: {@link #windowProbabilities} cuts its tiles into batches this size, and a
     * caller that hands tiles over a few at a time ({@link TrackAnalyzer}) batches them the same way.
     */
    public int batchSize() {
        return options.resolvedBatchSize(chosen.provider());
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            closeQuietly(chosen);
        }
    }

    /**
     * The tiles in this thread's direct buffer, which ONNX Runtime reads without a copy of its own: a heap buffer
     * would cost a new direct copy per batch, native memory that only a garbage collection gives back, so a long
     * track's analysis would grow with the track (decision record 0019).
     */
    private FloatBuffer input(float[] data, int offset, int length) {
        FloatBuffer buffer = inputs.get();
        if (buffer == null || buffer.capacity() < length) {
            buffer = ByteBuffer.allocateDirect(length * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
            inputs.set(buffer);
        }
        buffer.clear();
        buffer.put(data, offset, length).flip();
        return buffer;
    }

    /** One batch's probabilities, and its embeddings (null when the graph has none), row after row. */
    private record Outputs(float[] probabilities, float[] embeddings) {
    }

    private Outputs run(FloatBuffer batch, int n) {
        long[] shape = tileShape.clone();
        shape[0] = n;
        try (OnnxTensor input = OnnxTensor.createTensor(env, batch, shape);
                OrtSession.Result result = chosen.session().run(Map.of(contract.inputName(), input))) {
            float[] probabilities = floats(result.get(contract.outputName()).orElseThrow());
            float[] embeddings = tapped ? floats(result.get(EmbeddingTap.OUTPUT).orElseThrow()) : null;
            return new Outputs(probabilities, embeddings);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed to run " + modelFile + ": " + e.getMessage(), e);
        }
    }

    private static float[] floats(OnnxValue value) {
        FloatBuffer buffer = ((OnnxTensor) value).getFloatBuffer();
        float[] out = new float[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    private void probeOutputWidth() throws ModelLoadException {
        int tileSize = Math.toIntExact(tileShape[1] * tileShape[2] * tileShape[3]);
        float[] out = run(input(new float[tileSize], 0, tileSize), 1).probabilities();
        if (out.length != card.labels().size()) {
            throw new ModelLoadException(Reason.OUTPUT_MISMATCH, modelFile, "the graph in " + modelFile
                    + " outputs " + out.length + " probabilities per window but its card lists "
                    + card.labels().size() + " labels; re-export the model together with its card");
        }
    }

    private void requireTileShape(Tiles tiles) {
        if (tiles.channels() != tileShape[1] || tiles.height() != tileShape[2] || tiles.width() != tileShape[3]) {
            throw new IllegalArgumentException("tiles are [" + tiles.channels() + ", " + tiles.height() + ", "
                    + tiles.width() + "] but " + modelFile + " expects [" + tileShape[1] + ", " + tileShape[2]
                    + ", " + tileShape[3] + "]; build the tiles with the model's featureSpec");
        }
    }

    private void requireProbabilities(float[] row) {
        double sum = 0;
        for (float p : row) {
            if (!(p >= 0f)) {
                throw new IllegalStateException(modelFile + " produced " + Arrays.toString(row)
                        + ", not probabilities; the graph must end in Softmax, re-export it");
            }
            sum += p;
        }
        if (Math.abs(sum - 1.0) > PROBABILITY_SUM_TOLERANCE) {
            throw new IllegalStateException(modelFile + " produced a row summing to " + sum
                    + ", not probabilities; the graph must end in Softmax, re-export it");
        }
    }

    private static byte[] readModel(Path onnxModel) throws ModelLoadException {
        try {
            return Files.readAllBytes(onnxModel);
        } catch (NoSuchFileException e) {
            throw new ModelLoadException(Reason.MODEL_MISSING, onnxModel, "model file " + onnxModel
                    + " does not exist; put the .onnx file and its .card.json in the models folder", e);
        } catch (IOException e) {
            throw new ModelLoadException(Reason.MODEL_MISSING, onnxModel, "model file " + onnxModel
                    + " cannot be read (" + e.getMessage() + "); check that it is a readable file", e);
        }
    }

    private static ModelCard readCard(Path cardFile) throws ModelLoadException {
        try {
            return ModelCard.read(cardFile);
        } catch (NoSuchFileException e) {
            throw new ModelLoadException(Reason.CARD_MISSING, cardFile, "model card " + cardFile
                    + " does not exist; every model needs its card beside it, restore it or re-export the model",
                    e);
        } catch (InvalidModelCardException e) {
            throw new ModelLoadException(Reason.CARD_INVALID, cardFile, e.getMessage(), e);
        } catch (IOException e) {
            throw new ModelLoadException(Reason.CARD_INVALID, cardFile, "model card " + cardFile
                    + " cannot be read (" + e.getMessage() + "); check that it is a readable file", e);
        }
    }

    private static void closeQuietly(ChosenSession chosen) {
        try {
            chosen.session().close();
        } catch (OrtException e) {
            // Nothing to recover at close; the native memory is released either way.
        } finally {
            chosen.options().close();
        }
    }
}
