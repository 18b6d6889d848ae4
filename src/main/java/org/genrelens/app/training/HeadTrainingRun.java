package org.genrelens.app.training;

import org.genrelens.app.ExitCodes;
import org.genrelens.app.ModelLocator;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.genrelens.inference.ModelCard;
import org.genrelens.library.LibraryDatabase;
import org.genrelens.library.LibraryLocation;
import org.genrelens.tags.GenreMapFile;
import org.genrelens.task.Cancellation;
import org.genrelens.training.head.HeadTrainer;
import org.genrelens.workspace.LibraryHeadTraining;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * {@code genrelens train --library --head}: a new head on the base model's stored embeddings, cross-validated by
 * artist, written on the base model as one graph. Needs no PyTorch and decodes nothing.
 */
public final class HeadTrainingRun {

    private HeadTrainingRun() {
    }

    static int run(CommandLine commandLine, Path database, int minTracks, Path from, int folds, Path out)
            throws IOException {
        PrintWriter err = commandLine.getErr();
        PrintWriter stdout = commandLine.getOut();
        Path file = database != null ? database : LibraryLocation.defaultDatabase();
        if (!Files.isRegularFile(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString(), null,
                    "no library database there; run 'genrelens scan FOLDER' and 'genrelens analyze' first");
        }
        ModelLocator locator = ModelLocator.fromSystem();
        Path base = locator.locate(from).orElseThrow(() -> new ParameterException(commandLine,
                locator.notFoundMessage()));
        ModelCard baseCard = ModelCard.read(ModelCard.cardPathFor(base));
        HeadTrainer.Settings defaults = HeadTrainer.Settings.defaults();
        HeadTrainer.Settings settings;
        try {
            settings = new HeadTrainer.Settings(folds == 0 ? defaults.folds() : folds, defaults.seed(), defaults.l2(),
                    defaults.iterations(), defaults.learningRate());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(commandLine, "--folds: " + e.getMessage());
        }
        Path target = ModelDestination.orDefault(out, "genre-head");
        long started = System.nanoTime();
        HeadTrainer.Outcome outcome;
        try (LibraryDatabase db = LibraryDatabase.open(file)) {
            LibraryHeadTraining training = LibraryHeadTraining.of(db, GenreMapFile.read(
                    LibraryLocation.dataDirectory().resolve(GenreMapFile.FILE_NAME)), minTracks, baseCard);
            err.println("library " + file + ": " + training.summary());
            training.set().tooFew().forEach((genre, count) -> err.println("  not used: " + genre + ", " + count
                    + " track(s), fewer than " + minTracks));
            training.set().withoutGenre().forEach(path -> err.println("  no genre: " + path));
            training.notAnalysed().forEach(path -> err.println("  not analysed by " + baseCard.name() + ": " + path));
            outcome = training.train(base, baseCard, settings, target, "genrelens train --library --head"
                    + " --min-tracks " + minTracks + " --folds " + settings.folds(), new Cancellation());
            stdout.printf(Locale.ROOT, "head on %s's embeddings: %d tracks, %d genres, %.1f s%n", baseCard.name(),
                    training.clips().size(), outcome.labels().size(), (System.nanoTime() - started) / 1e9);
        }
        outcome.crossValidation().ifPresent(report -> {
            var track = report.trackLevel();
            stdout.printf(Locale.ROOT, "%s (track level, %d tracks, no artist on both sides): accuracy %.3f, "
                    + "balanced accuracy %.3f, macro-F1 %.3f%n", report.splitName(), track.total(), track.accuracy(),
                    track.balancedAccuracy(), track.macroF1());
            GenreTable.print(stdout, track);
        });
        stdout.println("wrote " + target + " (" + baseCard.name() + "'s layers with the new head, one graph)");
        return ExitCodes.OK;
    }
}
