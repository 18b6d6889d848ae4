package org.genrelens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.genrelens.inference.ModelCard;
import org.genrelens.testing.ToneNoiseDataset;
import org.genrelens.training.TrainingConfig;
import org.genrelens.training.TrainingConfigFile;
import org.genrelens.training.card.CardMetrics;
import org.genrelens.training.card.RecipeMetrics;
import org.genrelens.training.card.TuningRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tune --out best.json} then {@code train --config best.json}: the model is trained with exactly the tuned
 * configuration, its card carries the tuning, and an option that changes a tuned choice is named in that record.
 */
class TuneThenTrainCommandTest {

    @TempDir
    static Path data;

    @BeforeAll
    static void generate() throws IOException {
        ToneNoiseDataset.write(data, 6, 5);
    }

    @Test
    void theTunedFileTrainsExactlyAndAnOverrideIsNamedInTheCard(@TempDir Path out) throws IOException {
        Path best = out.resolve("best.json");
        CliRun tune = CliRun.of("tune", data.toString(), "--minutes", "0.5", "--max-epochs", "1", "--out",
                best.toString());
        assertEquals(0, tune.exitCode(), tune.err());
        TrainingConfig tuned = TrainingConfigFile.read(best);
        TuningRecord record = tuned.tuning().orElseThrow(() -> new AssertionError("tune --out writes its record"));
        assertEquals(List.of(), record.changedAfterTuning());

        Path model = out.resolve("tuned.onnx");
        CliRun train = CliRun.of("train", data.toString(), "--config", best.toString(), "--epochs", "1", "--out",
                model.toString());
        assertEquals(0, train.exitCode(), train.err());
        ModelCard card = ModelCard.read(ModelCard.cardPathFor(model));
        assertEquals(tuned.featureSpec(), card.featureSpec(), "the tuned spectrogram, not the defaults");
        assertEquals(tuned.network().blockChannels(), card.modelSpec().get("blockChannels"));
        TuningRecord inCard = tuningOf(card);
        assertEquals(record.trials(), inCard.trials());
        assertEquals(record.validationClips(), inCard.validationClips());
        assertEquals(List.of(), inCard.changedAfterTuning(), "the epoch limit is not a tuned choice: nothing is named");
        assertTrue(!train.err().contains("changed the tuned configuration"), train.err());

        int otherBands = tuned.featureSpec().bands() == 64 ? 96 : 64;
        Path edited = out.resolve("edited.onnx");
        CliRun override = CliRun.of("train", data.toString(), "--config", best.toString(), "--epochs", "1",
                "--bands", String.valueOf(otherBands), "--dropout", "0.45", "--out", edited.toString());
        assertEquals(0, override.exitCode(), override.err());
        TuningRecord carried = tuningOf(ModelCard.read(ModelCard.cardPathFor(edited)));
        assertEquals(List.of("featureSpec.bands", "network.dropout"), carried.changedAfterTuning(),
                "the card does not pass an edited configuration off as the tuner's");
        assertEquals(record.validationClips(), carried.validationClips(), "its tuning clips still stay out of scores");
        assertTrue(override.err().contains("options changed the tuned configuration (featureSpec.bands, "
                + "network.dropout)"), override.err());
    }

    private static TuningRecord tuningOf(ModelCard card) {
        RecipeMetrics metrics = assertInstanceOf(RecipeMetrics.class, CardMetrics.of(card));
        return metrics.tuning().orElseThrow(() -> new AssertionError("the card records the tuning"));
    }
}
