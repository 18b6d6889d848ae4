package org.genrelens.training.cnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.features.DbReference;
import org.genrelens.features.FeatureSpec;
import org.genrelens.features.FrequencyScale;
import org.genrelens.features.SpectrogramType;
import org.genrelens.features.TileExtractor;
import org.genrelens.inference.ClassifierOptions;
import org.genrelens.inference.GenreClassifier;
import org.genrelens.model.TrackPrediction;
import org.genrelens.task.Cancellation;
import org.genrelens.task.ProgressListener;
import org.genrelens.testing.TestAudio;
import org.genrelens.training.data.CachedClip;
import org.genrelens.training.baseline.BaselineTrainer;
import org.genrelens.training.baseline.SoftmaxRegression;
import org.genrelens.training.data.CachedDataset;
import org.genrelens.training.evaluation.ClipPrediction;
import org.genrelens.training.evaluation.EvaluationReport;
import org.genrelens.training.data.LabeledClip;
import org.genrelens.training.data.SpectrumCache;
import org.genrelens.training.sampling.Augmentation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class CnnTrainerTest {

    /** Small tiles so a CPU trains in seconds: 1 s windows of 32 mel bands at 8 kHz. */
    public static final FeatureSpec SPEC = new FeatureSpec(SpectrogramType.MEL, 8_000, 1.0, 0.5, List.of(256), 128, 32,
            0, 4_000, FrequencyScale.LINEAR, DbReference.TILE_MAX, 80, -40, 20);
    public static final ModelSpec NET = new ModelSpec(1, 2, List.of(4, 8), 3, true, PoolingType.MAX, 0, 0.1);
    public static final TrainingSettings SETTINGS = new TrainingSettings(12, 16, 3e-3, 1e-4, 4, 2, 0.5, 1e-5, true,
            Augmentation.none(), 7L);

    @TempDir
    static Path data;
    static CachedDataset train;
    static CachedDataset valid;

    /** Tones against noise bands: a listener tells them apart at once; so must the network. */
    @BeforeAll
    static void generate() throws IOException {
        Random random = new Random(1);
        List<LabeledClip> trainClips = new ArrayList<>();
        List<LabeledClip> validClips = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Path tone = data.resolve("tone-" + i + ".wav");
            double f = 200 + random.nextInt(1500);
            TestAudio.writeWav(TestAudio.chord(new double[] {f, f * 1.5}, 3, 8_000, 0.5), 8_000, tone);
            Path noise = data.resolve("noise-" + i + ".wav");
            TestAudio.writeWav(TestAudio.noise(3, 8_000, 0.05 + 0.2 * random.nextDouble(), i), 8_000, noise);
            List<LabeledClip> side = i < 7 ? trainClips : validClips;
            side.add(new LabeledClip(tone, "tones"));
            side.add(new LabeledClip(noise, "noise"));
        }
        SpectrumCache cache = new SpectrumCache(new AudioDecoder(), SPEC, Optional.empty());
        List<String> labels = List.of("noise", "tones");
        train = cache.load(trainClips, labels, ProgressListener.NONE, Cancellation.none());
        valid = cache.load(validClips, labels, ProgressListener.NONE, Cancellation.none());
    }

    @Test
    void learnsTonesVersusNoiseAndTheExportedModelAgreesWhenRunByOnnxRuntime(@TempDir Path out) throws Exception {
        List<EpochReport> reports = new ArrayList<>();
        TrainingProgress progress = new TrainingProgress() {
            @Override
            public void onEpoch(EpochReport report) {
                reports.add(report);
            }
        };
        Path model = out.resolve("tones.onnx");
        try (TrainedModel trained = new CnnTrainer(SETTINGS).train(train, valid, NET, WeightSource.RANDOM, progress,
                Cancellation.none())) {
            assertTrue(trained.bestEpoch() >= 1);
            EpochReport best = reports.get(trained.bestEpoch() - 1);
            assertTrue(best.validBalancedAccuracy() > 0.95, reports.toString());
            assertEquals(best.validLoss(), trained.bestValidLoss(), 1e-12);
            trained.export(model, SETTINGS, java.util.Map.of("data", "generated tones and noise"), java.util.Map.of());
        }
        Path fresh = TestAudio.writeWav(TestAudio.chord(new double[] {440, 660}, 3, 8_000, 0.4), 8_000,
                out.resolve("fresh.wav"));
        try (GenreClassifier classifier = GenreClassifier.open(model, ClassifierOptions.defaults())) {
            float[] pcm = new AudioDecoder().decode(fresh, 8_000).samples();
            TrackPrediction prediction = classifier.classify(new TileExtractor(SPEC).extract(pcm));
            assertEquals("tones", prediction.topGenre());
        }
    }

    @Test
    void theSameSeedTrainsTheSameModel() {
        TrainingSettings short3 = SETTINGS.withMaxEpochs(2);
        double first;
        try (TrainedModel a = new CnnTrainer(short3).train(train, valid, NET, WeightSource.RANDOM,
                TrainingProgress.NONE, Cancellation.none())) {
            first = a.history().get(1).trainLoss();
        }
        try (TrainedModel b = new CnnTrainer(short3).train(train, valid, NET, WeightSource.RANDOM,
                TrainingProgress.NONE, Cancellation.none())) {
            assertEquals(first, b.history().get(1).trainLoss(), 1e-6);
        }
    }

    @Test
    void aStartIsScoredAsItsRegressionWouldBeOnTheValidationClips() {
        ModelSpec statistics = new ModelSpec(1, 2, List.of(4), 3, false, PoolingType.MAX, 0, 0.0,
                new StatisticsPath(8, 0));
        BaselineTrainer regression = new BaselineTrainer(null, new BaselineTrainer.Settings(SPEC, 2, 42L, 0.03, 400,
                0.05, 8));
        SoftmaxRegression.Fit fit = regression.fit(train, Cancellation.none());
        // the class-balanced window loss and track-level balanced accuracy, computed from the regression itself
        List<ClipPrediction> predicted = regression.predict(fit, valid);
        double[] loss = new double[2];
        int[] windows = new int[2];
        for (ClipPrediction clip : predicted) {
            int label = valid.labels().indexOf(clip.clip().genre());
            for (float[] window : clip.windowProbabilities()) {
                loss[label] -= Math.log(Math.max(window[label], 1e-7f));
                windows[label]++;
            }
        }
        double expectedLoss = (loss[0] / windows[0] + loss[1] / windows[1]) / 2;

        CnnTrainer.StartScore start = new CnnTrainer(SETTINGS).scoreStart(valid, statistics, new RegressionStart(fit));

        assertEquals(expectedLoss, start.validLoss(), 1e-3);
        assertEquals(EvaluationReport.of("start", valid.labels(), predicted, List.of()).trackLevel()
                .balancedAccuracy(), start.validBalancedAccuracy(), 1e-9);
    }

    @Test
    void cancellingKeepsTheBestEpochSoFarUsable(@TempDir Path out) throws Exception {
        Cancellation cancellation = new Cancellation();
        TrainingProgress cancelAfterTwoEpochs = new TrainingProgress() {
            @Override
            public void onEpoch(EpochReport report) {
                if (report.epoch() == 2) {
                    cancellation.cancel();
                }
            }
        };
        try (TrainedModel trained = new CnnTrainer(SETTINGS).train(train, valid, NET, WeightSource.RANDOM,
                cancelAfterTwoEpochs, cancellation)) {
            assertTrue(trained.cancelled());
            assertEquals(2, trained.history().size());
            assertTrue(trained.bestEpoch() >= 1);
            Path model = out.resolve("partial.onnx");
            trained.export(model, SETTINGS, java.util.Map.of(), java.util.Map.of());
            try (GenreClassifier classifier = GenreClassifier.open(model, ClassifierOptions.defaults())) {
                assertEquals(List.of("noise", "tones"), classifier.labels());
            }
        }
    }

    @Test
    void fineTuningWithANewLabelSetStartsFromTheOldBody(@TempDir Path out) throws Exception {
        Path base = out.resolve("base.onnx");
        try (TrainedModel trained = new CnnTrainer(SETTINGS.withMaxEpochs(3)).train(train, valid, NET,
                WeightSource.RANDOM, TrainingProgress.NONE, Cancellation.none())) {
            trained.export(base, SETTINGS, java.util.Map.of(), java.util.Map.of());
        }
        // the same clips under new names: a different label set needs a new output layer
        CachedDataset renamedTrain = relabel(train, List.of("hiss", "hum"));
        CachedDataset renamedValid = relabel(valid, List.of("hiss", "hum"));
        try (TrainedModel tuned = new CnnTrainer(SETTINGS.withMaxEpochs(4)).train(renamedTrain, renamedValid, NET,
                WeightSource.fromOnnx(base, true), TrainingProgress.NONE, Cancellation.none())) {
            assertEquals(List.of("hiss", "hum"), tuned.labels());
            assertTrue(tuned.history().get(0).validBalancedAccuracy() > 0.9,
                    "a body that already separates the sounds needs little: " + tuned.history());
        }
    }

    private static CachedDataset relabel(CachedDataset data, List<String> labels) {
        List<CachedClip> clips = data.clips().stream().map(c -> new CachedClip(
                new LabeledClip(c.clip().file(), labels.get(c.label())), c.label(), c.spectrum())).toList();
        return new CachedDataset(data.spec(), labels, clips, data.skipped());
    }
}
