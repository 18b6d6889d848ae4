package org.genrelens.training.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.features.FeatureSpec;
import org.genrelens.features.TileExtractor;
import org.genrelens.inference.ClassifierOptions;
import org.genrelens.inference.GenreClassifier;
import org.genrelens.inference.ModelCard;
import org.genrelens.model.TrackPrediction;
import org.genrelens.task.Cancellation;
import org.genrelens.task.CancelledException;
import org.genrelens.task.ProgressListener;
import org.genrelens.testing.TestAudio;
import org.genrelens.training.card.BaselineMetrics;
import org.genrelens.training.card.CardMetrics;
import org.genrelens.training.card.ModelProvenance;
import org.genrelens.training.card.TrainingProvenance;
import org.genrelens.training.data.FolderDataset;
import org.genrelens.training.data.LabeledClip;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTrainerTest {

    private static final Set<String> WAV = Set.of("wav");
    private static final BaselineTrainer.Settings SETTINGS = new BaselineTrainer.Settings(
            FeatureSpec.defaultMel(), 3, 42L, 1e-2, 200, 0.05);

    @TempDir
    static Path data;

    /** Two "genres" any listener tells apart: chords of pure tones, and broadband noise. */
    @BeforeAll
    static void generateDataset() throws IOException {
        Random random = new Random(3);
        Files.createDirectories(data.resolve("tones"));
        Files.createDirectories(data.resolve("noise"));
        for (int i = 0; i < 6; i++) {
            double root = 110 + random.nextInt(220);
            TestAudio.writeWav(TestAudio.chord(new double[] {root, root * 1.25, root * 1.5}, 6, 22_050, 0.6),
                    22_050, data.resolve("tones").resolve("tones." + i + ".wav"));
            TestAudio.writeWav(TestAudio.noise(6, 22_050, 0.1 + 0.1 * random.nextDouble(), i), 22_050,
                    data.resolve("noise").resolve("noise." + i + ".wav"));
        }
    }

    @Test
    void learnsTonesVersusNoiseAndExportsAModelThatOnnxRuntimeAgreesWith(@TempDir Path out) throws Exception {
        List<LabeledClip> clips = FolderDataset.scan(data, WAV);
        Path model = out.resolve("baseline.onnx");

        BaselineTrainer.Result result = new BaselineTrainer(new AudioDecoder(), SETTINGS)
                .train(clips, data, model, ProgressListener.NONE, Cancellation.none());

        assertTrue(result.crossValidation().balancedAccuracy() > 0.95, result.crossValidation().toMap().toString());
        assertEquals(12, result.crossValidation().total(), "every clip is held out exactly once");
        ModelCard card = ModelCard.read(ModelCard.cardPathFor(model));
        assertEquals(List.of("noise", "tones"), card.labels());
        assertEquals(SETTINGS.spec(), card.featureSpec());
        BaselineMetrics metrics = assertInstanceOf(BaselineMetrics.class, CardMetrics.of(card));
        assertTrue(metrics.protocol().contains("by clip"));
        assertEquals(12, metrics.crossValidation().total());
        TrainingProvenance provenance = assertInstanceOf(TrainingProvenance.class, ModelProvenance.of(card));
        assertEquals(Map.of("noise", 6, "tones", 6), provenance.clipsPerGenre());
        assertTrue(provenance.clipListSha256().isPresent());

        Path fresh = TestAudio.writeWav(TestAudio.chord(new double[] {200, 250, 300}, 7, 22_050, 0.5), 22_050,
                out.resolve("fresh-tones.wav"));
        try (GenreClassifier classifier = GenreClassifier.open(model, ClassifierOptions.defaults())) {
            float[] pcm = new AudioDecoder().decode(fresh, 22_050).samples();
            TrackPrediction prediction = classifier.classify(new TileExtractor(card.featureSpec()).extract(pcm));
            assertEquals("tones", prediction.topGenre());
        }
    }

    @Test
    void anUnreadableClipIsSkippedWithAWarningAndTrainingGoesOn(@TempDir Path out) throws Exception {
        Path broken = data.resolve("noise").resolve("noise.broken.wav");
        Files.write(broken, new byte[] {'R', 'I', 'F', 'F', 9, 9, 9});
        try {
            List<LabeledClip> clips = FolderDataset.scan(data, WAV);
            BaselineTrainer.Result result = new BaselineTrainer(new AudioDecoder(), SETTINGS)
                    .train(clips, data, out.resolve("m.onnx"), ProgressListener.NONE, Cancellation.none());

            assertEquals(1, result.skipped().size());
            assertTrue(result.skipped().get(0).contains("noise.broken.wav"), result.skipped().get(0));
            assertEquals(12, result.crossValidation().total());
        } finally {
            Files.delete(broken);
        }
    }

    @Test
    void cancellationStopsTrainingAndWritesNoModel(@TempDir Path out) throws IOException {
        List<LabeledClip> clips = FolderDataset.scan(data, WAV);
        Cancellation cancellation = new Cancellation();
        ProgressListener cancelSoon = (done, total, message) -> {
            if (done >= 2) {
                cancellation.cancel();
            }
        };

        assertThrows(CancelledException.class, () -> new BaselineTrainer(new AudioDecoder(), SETTINGS)
                .train(clips, data, out.resolve("m.onnx"), cancelSoon, cancellation));
        assertTrue(Files.notExists(out.resolve("m.onnx")));
    }

    @Test
    void gtzanLayoutsAreRecognised(@TempDir Path root) throws IOException {
        Path kaggle = root.resolve("Data").resolve("genres_original");
        for (String genre : List.of("jazz", "metal")) {
            Files.createDirectories(kaggle.resolve(genre));
            Files.writeString(kaggle.resolve(genre).resolve(genre + ".00000.wav"), "x");
            Files.writeString(kaggle.resolve(genre).resolve("notes.txt"), "not audio");
        }

        List<LabeledClip> clips = FolderDataset.scan(root.resolve("Data"), WAV);

        assertEquals(List.of("jazz", "metal"), clips.stream().map(LabeledClip::genre).toList());
    }
}
