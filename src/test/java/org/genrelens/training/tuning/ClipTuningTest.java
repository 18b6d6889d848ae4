package org.genrelens.training.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.features.FeatureSpec;
import org.genrelens.task.Cancellation;
import org.genrelens.testing.TestAudio;
import org.genrelens.training.TrainingConfig;
import org.genrelens.training.card.TuningRecord;
import org.genrelens.training.data.LabeledClip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tuning as the CLI and the app run it: one split by clip, spectra once per FeatureSpec, a best trial. */
class ClipTuningTest {

    @Test
    void tunesOnASplitByClipHoldingOneSpectrogramAtATime(@TempDir Path dir) throws Exception {
        List<LabeledClip> clips = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 8; i++) {
            clips.add(new LabeledClip(TestAudio.writeWav(TestAudio.sine(300 + random.nextInt(900), 2, 8_000, 0.5),
                    8_000, dir.resolve("tone" + i + ".wav")), "tones"));
            clips.add(new LabeledClip(TestAudio.writeWav(TestAudio.noise(2, 8_000, 0.2, i), 8_000,
                    dir.resolve("noise" + i + ".wav")), "noise"));
        }
        List<FeatureSpec> computed = new ArrayList<>();

        ClipTuning.Outcome outcome = new ClipTuning(new AudioDecoder(), Optional.empty(), computed::add).tune(clips,
                // 32 bands first: when it wins, stage 2 must compute it again, as only the last one tried is held
                HyperbandTunerTest.tinySpace(List.of(32, 16)), new HyperbandTuner.Budget(3, 3, Duration.ofMinutes(10)),
                (trial, finished) -> { }, Cancellation.none());

        assertNotNull(outcome.result().best());
        List<HyperbandTuner.Trial> starts = outcome.result().trials().stream().filter(t -> t.epochs() == 0).toList();
        assertEquals(2, starts.size(), "stage 1 scores both spectrograms with the one statistics size that has a "
                + "regression (8 coefficients; 0 has none)");
        HyperbandTuner.Trial bestStart = starts.stream().min(HyperbandTuner.BEST_FIRST).orElseThrow();
        assertEquals(8, outcome.result().trials().size(), "2 starts, then Hyperband's 6 trials");
        assertTrue(outcome.result().trials().stream().filter(t -> t.epochs() > 0).allMatch(t ->
                t.config().featureSpec().equals(bestStart.config().featureSpec())
                        && t.config().network().statistics().coefficients() == 8),
                "the network search runs on the spectrogram whose regression start scored best");
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), outcome.result().trials().stream().map(t -> t.id()).toList());
        List<FeatureSpec> expected = new ArrayList<>(List.of(starts.get(0).config().featureSpec(),
                starts.get(1).config().featureSpec()));
        if (!bestStart.config().featureSpec().equals(expected.get(1))) {
            expected.add(bestStart.config().featureSpec());
        }
        assertEquals(expected, computed, "each spectrogram once in stage 1, holding one at a time, and the winner "
                + "again for stage 2 unless it is the one still held");
        Set<LabeledClip> train = new HashSet<>(outcome.split().train());
        assertTrue(outcome.split().valid().stream().noneMatch(train::contains), "no clip on both sides");
        assertEquals(16, outcome.split().train().size() + outcome.split().valid().size());
        TrainingConfig chosen = outcome.chosen().orElseThrow();
        assertEquals(outcome.result().best().config().featureSpec(), chosen.featureSpec());
        TuningRecord record = chosen.tuning().orElseThrow();
        assertEquals(8, record.trials());
        assertTrue(record.searchSpace().startsWith("stage 1, each spectrogram and statistics size scored at its "
                + "regression start (2 of 2 candidates)"), record.searchSpace());
        assertEquals(outcome.split().valid().stream().map(TuningRecord::clipName).toList(), record.validationClips(),
                "the clips the winner was chosen on are named, so a later score can leave them out");
        assertEquals(outcome.result().best().validBalancedAccuracy(), record.bestBalancedAccuracy());
    }

    @Test
    void oneGenreIsRefusedWithAReason(@TempDir Path dir) throws Exception {
        List<LabeledClip> clips = List.of(new LabeledClip(TestAudio.writeWav(TestAudio.sine(440, 2, 8_000, 0.5),
                8_000, dir.resolve("a.wav")), "tones"));

        var error = assertThrows(IllegalArgumentException.class, () -> new ClipTuning(new AudioDecoder(),
                Optional.empty(), spec -> { }).tune(clips, HyperbandTunerTest.tinySpace(),
                new HyperbandTuner.Budget(3, 3, Duration.ofMinutes(1)), (trial, finished) -> { },
                Cancellation.none()));

        assertTrue(error.getMessage().contains("at least two genres"), error.getMessage());
    }
}
