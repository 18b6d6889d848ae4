package org.genrelens.training.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.features.DbReference;
import org.genrelens.features.FeatureSpec;
import org.genrelens.features.FrequencyScale;
import org.genrelens.features.SpectrogramType;
import org.genrelens.inference.ClassifierOptions;
import org.genrelens.inference.GenreClassifier;
import org.genrelens.task.Cancellation;
import org.genrelens.task.CancelledException;
import org.genrelens.task.ProgressListener;
import org.genrelens.testing.OnnxTestModels;
import org.genrelens.testing.TestAudio;
import org.genrelens.training.data.FolderDataset;
import org.genrelens.training.data.LabeledClip;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluatorTest {

    /** Small tiles keep the test fast: 32 mel bands, 1 s windows every second. */
    static final FeatureSpec SMALL = new FeatureSpec(SpectrogramType.MEL, 22_050, 1.0, 1.0, List.of(512), 256, 32,
            0.0, 8_000.0, FrequencyScale.LINEAR, DbReference.TILE_MAX, 80.0, -40.0, 20.0);

    @TempDir
    static Path dir;

    private static GenreClassifier classifier;
    private static List<LabeledClip> clips;

    /** A model that calls energy in low mel bands "low" and in high ones "high", and tones it gets right. */
    @BeforeAll
    static void buildModelAndClips() throws Exception {
        Path model = OnnxTestModels.writeBandEnergyModel(dir.resolve("model"), "low-high", SMALL,
                List.of("low", "high"));
        classifier = GenreClassifier.open(model, ClassifierOptions.defaults());
        Path data = dir.resolve("data");
        Files.createDirectories(data.resolve("low"));
        Files.createDirectories(data.resolve("high"));
        for (int i = 0; i < 2; i++) {
            TestAudio.writeWav(TestAudio.sine(100 + 40 * i, 3, 22_050, 0.5), 22_050,
                    data.resolve("low").resolve("low" + i + ".wav"));
            TestAudio.writeWav(TestAudio.sine(5_000 + 500 * i, 3, 22_050, 0.5), 22_050,
                    data.resolve("high").resolve("high" + i + ".wav"));
        }
        clips = FolderDataset.scan(data, Set.of("wav"));
    }

    @AfterAll
    static void close() {
        classifier.close();
    }

    @Test
    void scoresEveryClipAtTrackAndWindowLevelAndReportsProgress() {
        AtomicLong progressCalls = new AtomicLong();

        EvaluationReport report = new Evaluator(2).evaluate(classifier, new AudioDecoder(), "all of the tones",
                clips, (done, total, message) -> progressCalls.incrementAndGet(), Cancellation.none());

        assertEquals("all of the tones", report.splitName());
        assertEquals(List.of("low", "high"), report.labels());
        assertEquals(4, report.trackLevel().total());
        assertEquals(1.0, report.trackLevel().accuracy(), 1e-9, report.toMap().toString());
        assertEquals(4 * 3, report.windowLevel().total(), "three 1 s windows per 3 s clip");
        assertEquals(1.0, report.windowLevel().macroF1(), 1e-9);
        assertEquals(4, progressCalls.get());
        assertTrue(report.skipped().isEmpty());
    }

    @Test
    void anUnreadableClipIsSkippedAndListedWhileTheOthersAreScored() throws IOException {
        Path broken = Files.write(dir.resolve("broken.wav"), new byte[] {'R', 'I', 'F', 'F', 1, 2, 3});
        List<LabeledClip> withBroken = new ArrayList<>(clips);
        withBroken.add(new LabeledClip(broken, "high"));

        EvaluationReport report = new Evaluator().evaluate(classifier, new AudioDecoder(), "tones", withBroken,
                ProgressListener.NONE, Cancellation.none());

        assertEquals(4, report.trackLevel().total());
        assertEquals(1, report.skipped().size());
        assertTrue(report.skipped().get(0).contains("broken.wav"), report.skipped().toString());
    }

    @Test
    void aGenreTheModelDoesNotKnowIsRefusedByName() {
        List<LabeledClip> withPolka = new ArrayList<>(clips);
        withPolka.add(new LabeledClip(dir.resolve("polka.wav"), "polka"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Evaluator().evaluate(
                classifier, new AudioDecoder(), "x", withPolka, ProgressListener.NONE, Cancellation.none()));

        assertTrue(e.getMessage().contains("[polka]") && e.getMessage().contains("[low, high]"), e.getMessage());
    }

    @Test
    void aCancelledEvaluationStops() {
        Cancellation cancellation = Cancellation.none();
        cancellation.cancel();

        assertThrows(CancelledException.class, () -> new Evaluator().evaluate(classifier, new AudioDecoder(), "x",
                clips, ProgressListener.NONE, cancellation));
    }
}
