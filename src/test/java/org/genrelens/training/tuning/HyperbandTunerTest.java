package org.genrelens.training.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.features.FeatureSpec;
import org.genrelens.features.SpectrogramType;
import org.genrelens.task.Cancellation;
import org.genrelens.task.ProgressListener;
import org.genrelens.testing.TestAudio;
import org.genrelens.training.TrainingConfig;
import org.genrelens.training.cnn.CnnTrainerTest;
import org.genrelens.training.data.LabeledClip;
import org.genrelens.training.data.SpectrumCache;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HyperbandTunerTest {

    @TempDir
    static Path data;
    static List<LabeledClip> trainClips = new ArrayList<>();
    static List<LabeledClip> validClips = new ArrayList<>();

    @BeforeAll
    static void generate() throws IOException {
        Random random = new Random(4);
        for (int i = 0; i < 8; i++) {
            Path tone = TestAudio.writeWav(TestAudio.sine(300 + random.nextInt(900), 2, 8_000, 0.5), 8_000,
                    data.resolve("tone" + i + ".wav"));
            Path noise = TestAudio.writeWav(TestAudio.noise(2, 8_000, 0.2, i), 8_000, data.resolve("noise" + i + ".wav"));
            List<LabeledClip> side = i < 6 ? trainClips : validClips;
            side.add(new LabeledClip(tone, "tones"));
            side.add(new LabeledClip(noise, "noise"));
        }
    }

    static SearchSpace tinySpace() {
        return tinySpace(List.of(16, 32));
    }

    /** The tiny space with these bands, in this order. */
    static SearchSpace tinySpace(List<Integer> bands) {
        TrainingConfig base = new TrainingConfig(CnnTrainerTest.SPEC, CnnTrainerTest.NET, CnnTrainerTest.SETTINGS,
                Optional.empty());
        return new SearchSpace(base, List.of(SpectrogramType.MEL), bands, List.of(), List.of(),
                List.of(128), List.of(List.of(4), List.of(4, 8)), List.of(3), List.of(0), List.of(0, 8), List.of(0),
                0.1, 0.3, 1e-3, 5e-3, 1e-5, 1e-4, List.of(List.of("none")));
    }

    @Test
    void runsSuccessiveHalvingBracketsAndComputesFeaturesOncePerSpec() {
        Map<FeatureSpec, Integer> computations = new HashMap<>();
        Map<FeatureSpec, HyperbandTuner.SplitData> cache = new HashMap<>();
        HyperbandTuner tuner = new HyperbandTuner(spec -> cache.computeIfAbsent(spec, s -> {
            computations.merge(s, 1, Integer::sum);
            SpectrumCache loader = new SpectrumCache(new AudioDecoder(), s, Optional.empty());
            List<String> labels = List.of("noise", "tones");
            return new HyperbandTuner.SplitData(
                    loader.load(trainClips, labels, ProgressListener.NONE, Cancellation.none()),
                    loader.load(validClips, labels, ProgressListener.NONE, Cancellation.none()));
        }), 7L);
        List<HyperbandTuner.Trial> seen = new ArrayList<>();

        HyperbandTuner.Result result = tuner.tune(tinySpace(), 2, new HyperbandTuner.Budget(3, 3, Duration.ofMinutes(10)),
                (trial, finished) -> seen.add(trial), Cancellation.none());

        // R = 3, eta = 3: bracket 1 tries 3 configs for 1 epoch and keeps 1 for 3 epochs; bracket 0 tries 2 for 3
        assertEquals(6, result.trials().size());
        assertEquals(result.trials(), seen);
        assertEquals(List.of(1, 1, 1, 3, 3, 3), result.trials().stream().map(HyperbandTuner.Trial::epochs).toList());
        assertEquals(result.trials().stream().min(HyperbandTuner.BEST_FIRST).orElseThrow(), result.best());
        assertTrue(result.trials().stream().allMatch(t -> t.validLoss() >= result.best().validLoss()),
                "the winner has the lowest validation loss");
        assertTrue(computations.values().stream().allMatch(n -> n == 1), computations.toString());
        assertTrue(!result.stoppedEarly());
    }

    @Test
    void aTrialStillRunningWhenTheBudgetEndsIsStoppedAndNotCounted() {
        HyperbandTuner tuner = new HyperbandTuner(spec -> {
            try {
                Thread.sleep(600); // the features take longer than the whole budget
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            SpectrumCache loader = new SpectrumCache(new AudioDecoder(), spec, Optional.empty());
            List<String> labels = List.of("noise", "tones");
            return new HyperbandTuner.SplitData(
                    loader.load(trainClips, labels, ProgressListener.NONE, Cancellation.none()),
                    loader.load(validClips, labels, ProgressListener.NONE, Cancellation.none()));
        }, 7L);

        HyperbandTuner.Result result = tuner.tune(tinySpace(), 2,
                new HyperbandTuner.Budget(3, 3, Duration.ofMillis(300)), (trial, finished) -> { },
                Cancellation.none());

        assertTrue(result.stoppedEarly());
        assertTrue(result.trials().isEmpty(), "a trial cut short by the budget is not comparable: "
                + result.trials());
    }

    @Test
    void anExhaustedTimeBudgetStopsBeforeTheNextTrial() {
        HyperbandTuner tuner = new HyperbandTuner(spec -> {
            throw new AssertionError("no trial may start");
        }, 7L);

        HyperbandTuner.Result result = tuner.tune(tinySpace(), 2, new HyperbandTuner.Budget(3, 3, Duration.ZERO),
                (trial, finished) -> { }, Cancellation.none());

        assertTrue(result.stoppedEarly());
        assertTrue(result.trials().isEmpty());
        assertNull(result.best());
    }

    /** A winner must train on a laptop: the standard space draws nothing costlier than its limit. */
    @Test
    void theStandardSpaceDrawsOnlyTrunksALaptopCanTrain() throws IOException {
        TrainingConfig defaults = TrainingConfig.defaults();
        SearchSpace space = SearchSpace.standard(defaults);
        double limit = SearchSpace.LAPTOP_COST_FACTOR * TrainingCost.multiplyAdds(defaults);
        Random random = new Random(2);
        Set<SpectrogramType> types = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            TrainingConfig config = space.sample(random, 10);
            assertTrue(TrainingCost.multiplyAdds(config) <= limit, config.toString());
            types.add(config.featureSpec().type());
        }
        assertEquals(3, types.size(), "every spectrogram type still has configurations within the limit");
        // the 2026-12-04 search's winner: 9 minutes an epoch over 158 clips here, outside the laptop space
        TrainingConfig costly = org.genrelens.training.TrainingConfigFile.read(
                java.nio.file.Path.of("src/site/resources/tuning/2026-12-04-best.json"));
        assertTrue(TrainingCost.multiplyAdds(costly) > limit, "the costly winner costs "
                + TrainingCost.multiplyAdds(costly) / (double) TrainingCost.multiplyAdds(defaults) + " times the defaults");
    }

    @Test
    void sampledConfigurationsStayInsideTheSpace() {
        SearchSpace space = SearchSpace.standard(TrainingConfig.defaults());
        Random random = new Random(1);
        Set<SpectrogramType> types = new HashSet<>();
        Set<Integer> coefficients = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            TrainingConfig config = space.sample(random, 11);
            assertEquals(11, config.network().classes());
            assertEquals(config.featureSpec().channels(), config.network().inputChannels());
            assertTrue(space.types().contains(config.featureSpec().type()));
            assertTrue(space.bands().contains(config.featureSpec().bands()));
            assertTrue(space.hopLengths().contains(config.featureSpec().hopLength()));
            assertTrue(space.blockChannels().contains(config.network().blockChannels()));
            assertTrue(config.network().statistics().coefficients() <= config.featureSpec().height());
            assertTrue(config.settings().learningRate() >= 3e-4 && config.settings().learningRate() <= 3e-3);
            assertTrue(config.settings().weightDecay() >= 1e-5 && config.settings().weightDecay() <= 1e-3);
            assertTrue(config.network().dropout() >= 0.1 && config.network().dropout() <= 0.5);
            assertTrue(space.augmentations().contains(config.settings().augmentation().partNames()));
            assertEquals(5.0, config.featureSpec().windowSeconds());
            types.add(config.featureSpec().type());
            coefficients.add(config.network().statistics().coefficients());
        }
        assertEquals(Set.of(SpectrogramType.values()), types, "every spectrogram type is tried");
        assertEquals(Set.of(20, 40), coefficients, "every network has a statistics branch, of either size");
    }

    @Test
    void theSpectrogramsAreEveryCombinationAndNarrowingFixesOne() {
        SearchSpace space = SearchSpace.standard(TrainingConfig.defaults());
        List<FeatureSpec> spectrograms = space.spectrograms();
        // MEL: 3 band counts x 2 hops; MULTI_STFT: 3 x 2 window sets x 2; STFT: 3 x 2 windows x 2
        assertEquals(6 + 12 + 12, spectrograms.size());
        assertEquals(spectrograms.size(), new HashSet<>(spectrograms).size(), "no spectrogram twice");
        FeatureSpec chosen = spectrograms.stream().filter(s -> s.type() == SpectrogramType.STFT && s.bands() == 96
                && s.hopLength() == 512 && s.fftSizes().equals(List.of(2048))).findFirst().orElseThrow();

        SearchSpace narrowed = space.withSpectrogram(chosen, 20);

        Random random = new Random(3);
        double limit = SearchSpace.LAPTOP_COST_FACTOR * TrainingCost.multiplyAdds(TrainingConfig.defaults());
        for (int i = 0; i < 50; i++) {
            TrainingConfig config = narrowed.sample(random, 11);
            assertEquals(chosen, config.featureSpec());
            assertEquals(20, config.network().statistics().coefficients());
            assertTrue(TrainingCost.multiplyAdds(config) <= limit, "the cost limit is still the original base's");
        }
        assertEquals(List.of(chosen), narrowed.spectrograms());
    }
}
