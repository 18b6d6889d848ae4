package org.genrelens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.genrelens.inference.ModelCard;
import org.genrelens.testing.SharedData;
import org.genrelens.training.FineTuneStart;
import org.genrelens.training.TrainingConfig;
import org.genrelens.training.TrainingConfigFile;
import org.genrelens.training.card.CardMetrics;
import org.genrelens.training.card.FinalTraining;
import org.genrelens.training.card.RecipeMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, item 4: the bundled model fine-tuned onto a new label set (three of its genres) against the same network
 * trained from scratch, on the same 2 folds of the same shared clips. Both start their new output layer from the
 * same regression; only the trunk differs (the bundled one's, or random). The bundled model was trained on every
 * shared clip, so its trunk has heard these test clips: this measures that fine-tuning works and keeps what the
 * trunk knows, not how it does on unheard music.
 */
class FineTuneBundledModelTest {

    private static final List<String> GENRES = List.of("blues", "country", "jazz");
    private static final int CLIPS_PER_GENRE = 8;
    /** Two clips of one genre out of 24: a real loss, beyond the noise of 2 folds of 12 clips. */
    private static final double TOLERANCE = 0.10;

    @Test
    void fineTuningTheBundledModelDoesNoWorseThanTrainingItsNetworkFromScratch(@TempDir Path dir)
            throws IOException {
        Path subset = subset(dir.resolve("subset"));
        Path bundled = Path.of("models", "genre-cnn.onnx");
        Path scratchConfig = dir.resolve("scratch.json");
        TrainingConfigFile.write(FineTuneStart.read(bundled).config(TrainingConfig.defaults()), scratchConfig);
        String[] common = {"--folds", "2", "--epochs", "4", "--cache", dir.resolve("cache").toString()};

        Path fineTunedModel = dir.resolve("fine-tuned.onnx");
        double fineTuned = crossValidated(run(subset, common, "--from", bundled.toString(), "--out",
                fineTunedModel.toString()), fineTunedModel);
        RecipeMetrics tuned = (RecipeMetrics) CardMetrics.of(ModelCard.read(ModelCard.cardPathFor(fineTunedModel)));
        assertEquals(GENRES.size() * CLIPS_PER_GENRE, tuned.withoutHeardClips().orElseThrow().heldOutClips(),
                "the bundled model learned every shared clip");
        assertTrue(tuned.headline().isEmpty(), "so the fine-tuned model's card quotes no score for the tab to trust");
        Path scratchModel = dir.resolve("scratch.onnx");
        double scratch = crossValidated(run(subset, common, "--config", scratchConfig.toString(), "--out",
                scratchModel.toString()), scratchModel);

        System.out.printf(Locale.ROOT, "fine-tuned from the bundled model %.3f, from scratch %.3f (balanced accuracy, "
                + "2-fold CV by clip, %d clips); final models' best epochs %d and %d (0 = the regression start)%n",
                fineTuned, scratch, GENRES.size() * CLIPS_PER_GENRE, bestEpoch(fineTunedModel),
                bestEpoch(scratchModel));
        assertTrue(fineTuned >= scratch - TOLERANCE, "fine-tuning the bundled model scored " + fineTuned
                + ", training its network from scratch " + scratch);
    }

    private static CliRun run(Path subset, String[] common, String... more) {
        String[] args = Stream.of(new String[] {"train", subset.toString()}, common, more).flatMap(Stream::of)
                .toArray(String[]::new);
        CliRun run = CliRun.of(args);
        assertEquals(0, run.exitCode(), run.err());
        return run;
    }

    private static double crossValidated(CliRun run, Path model) throws IOException {
        ModelCard card = ModelCard.read(ModelCard.cardPathFor(model));
        assertEquals(GENRES, card.labels(), run.err());
        RecipeMetrics metrics = assertInstanceOf(RecipeMetrics.class, CardMetrics.of(card));
        return metrics.crossValidation().orElseThrow().scores().report().trackLevel().balancedAccuracy();
    }

    private static int bestEpoch(Path model) throws IOException {
        return FinalTraining.inModelSpec(ModelCard.read(ModelCard.cardPathFor(model)).modelSpec()).orElseThrow()
                .bestEpoch();
    }

    /** The first clips of each genre, copied into a temporary folder per genre (never into the repository). */
    private static Path subset(Path root) throws IOException {
        Path genres = SharedData.gtzanGenres();
        for (String genre : GENRES) {
            Path folder = Files.createDirectories(root.resolve(genre));
            try (Stream<Path> clips = Files.list(genres.resolve(genre))) {
                for (Path clip : clips.sorted().limit(CLIPS_PER_GENRE).toList()) {
                    Files.copy(clip, folder.resolve(clip.getFileName()));
                }
            }
        }
        return root;
    }
}
