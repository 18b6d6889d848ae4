package org.genrelens.training.head;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.genrelens.features.FeatureSpec;
import org.genrelens.features.Tiles;
import org.genrelens.inference.ClassifierOptions;
import org.genrelens.inference.GenreClassifier;
import org.genrelens.inference.ModelCard;
import org.genrelens.model.TrackPrediction;
import org.genrelens.task.Cancellation;
import org.genrelens.training.baseline.BaselinePredictor;
import org.genrelens.training.data.LabeledClip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A head written on the bundled model is one graph that gives, per window, what the fitted head gives on that
 * window's embedding, and keeps the base model's layers: its own embedding is the base model's.
 */
class HeadModelWriterTest {

    private static final Path BASE = Path.of("models", "genre-cnn.onnx");

    @TempDir
    Path dir;

    @Test
    void theWrittenGraphComputesTheFittedHeadOnTheBaseModelsEmbedding() throws Exception {
        List<EmbeddedClip> clips = new ArrayList<>();
        List<Tiles> windows = new ArrayList<>();
        try (GenreClassifier base = GenreClassifier.open(BASE, ClassifierOptions.defaults())) {
            Random random = new Random(7);
            for (int i = 0; i < 12; i++) {
                String genre = i % 3 == 0 ? "loud" : i % 3 == 1 ? "quiet" : "tilted";
                Tiles tile = tile(base.featureSpec(), random, i % 3);
                windows.add(tile);
                clips.add(new EmbeddedClip(new LabeledClip(dir.resolve(i + ".wav"), genre, "artist " + i % 4),
                        base.classify(tile).embedding()));
            }
        }
        HeadTrainer.Settings settings = new HeadTrainer.Settings(2, 42L, 0.03, 200, 0.05);
        HeadTrainer.Outcome outcome = new HeadTrainer(settings).train(clips, Cancellation.none());
        Path head = dir.resolve("mine.onnx");

        ModelCard card = HeadModelWriter.write(BASE, ModelCard.read(ModelCard.cardPathFor(BASE)), outcome, settings,
                new HeadModelWriter.Provenance("test", clips.size(), "test"), head);

        assertEquals(List.of("loud", "quiet", "tilted"), card.labels());
        assertEquals("2-fold-by-artist", outcome.crossValidation().orElseThrow().splitName());
        try (GenreClassifier written = GenreClassifier.open(head, ClassifierOptions.defaults())) {
            for (int i = 0; i < clips.size(); i++) {
                TrackPrediction prediction = written.classify(windows.get(i));
                double[] expected = BaselinePredictor.windowProbabilities(outcome.head(), clips.get(i).embedding());
                for (int k = 0; k < expected.length; k++) {
                    assertEquals(expected[k], prediction.probabilities()[k], 1e-4, "clip " + i + " genre " + k);
                }
                assertArrayEquals(clips.get(i).embedding(), prediction.embedding(), 1e-5f,
                        "the head model's embedding is its base model's");
            }
        }
        assertTrue(outcome.crossValidation().orElseThrow().trackLevel().total() == clips.size());
    }

    /** Item 6: music unlike every genre the head learned comes out uncertain, however sure the softmax is. */
    @Test
    void aWindowUnlikeEveryLearnedGenreIsUncertain() throws Exception {
        List<EmbeddedClip> clips = new ArrayList<>();
        try (GenreClassifier base = GenreClassifier.open(BASE, ClassifierOptions.defaults())) {
            Random random = new Random(11);
            for (int i = 0; i < 30; i++) {
                clips.add(new EmbeddedClip(new LabeledClip(dir.resolve(i + ".wav"), i % 2 == 0 ? "loud" : "quiet",
                        "artist " + i % 3), base.classify(tile(base.featureSpec(), random, i % 2)).embedding()));
            }
        }
        HeadTrainer.Settings settings = new HeadTrainer.Settings(0, 42L, 0.03, 200, 0.05);
        HeadTrainer.Outcome outcome = new HeadTrainer(settings).train(clips, Cancellation.none());
        Path head = dir.resolve("two.onnx");
        HeadModelWriter.write(BASE, ModelCard.read(ModelCard.cardPathFor(BASE)), outcome, settings,
                new HeadModelWriter.Provenance("test", clips.size(), "test"), head);

        try (GenreClassifier written = GenreClassifier.open(head, ClassifierOptions.defaults())) {
            assertTrue(written.familiarity().isPresent(), "the card carries what the head knows");
            TrackPrediction tilted = written.classify(tile(written.featureSpec(), new Random(12), 2));
            assertTrue(tilted.uncertain(), "a kind of window the head never learned: confidence "
                    + tilted.confidence());
            int familiarKnown = 0;
            Random random = new Random(13);
            for (int i = 0; i < 20; i++) {
                familiarKnown += written.familiarity().get().familiar(
                        written.classify(tile(written.featureSpec(), random, i % 2)).embedding()) ? 1 : 0;
            }
            assertTrue(familiarKnown >= 12, familiarKnown + " of 20 new windows of the learned kinds were familiar");
        }
    }

    /** One window: noise, louder or quieter, or tilted towards the low bands, by kind. */
    private static Tiles tile(FeatureSpec spec, Random random, int kind) {
        int size = spec.channels() * spec.height() * spec.framesPerWindow();
        float[] data = new float[size];
        for (int i = 0; i < size; i++) {
            int band = (i / spec.framesPerWindow()) % spec.height();
            double level = kind == 0 ? 1.0 : kind == 1 ? -1.0 : 1.0 - 2.0 * band / spec.height();
            data[i] = (float) (level + 0.5 * random.nextGaussian());
        }
        return new Tiles(data, 1, spec.channels(), spec.height(), spec.framesPerWindow(), new double[] {0}, false);
    }
}
