package org.genrelens.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.inference.GenreClassifier;
import org.genrelens.inference.ModelLoadException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code genrelens info}: the model, the execution provider that really runs, and the formats we can read. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Shows the model, the execution provider (CPU/CUDA), and which audio formats can be read.")
public final class InfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions modelOptions;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("GenreLens " + VersionProvider.version() + " on Java " + Runtime.version()
                + " (" + System.getProperty("os.name") + ", " + Runtime.getRuntime().availableProcessors() + " cores)");
        boolean modelOk = printModel(out);
        AudioDecoder decoder = new AudioDecoder();
        out.println("formats (built in):  " + String.join(" ", new TreeSet<>(decoder.jvmExtensions())));
        if (decoder.ffmpegAvailable()) {
            out.println("formats (ffmpeg):    " + String.join(" ", new TreeSet<>(decoder.ffmpegExtensions())));
            out.println("ffmpeg:              " + decoder.ffmpegVersion().orElse("found"));
            out.println("analysis decodes:    through ffmpeg, which also resamples; quick mode seeks with it");
        } else {
            out.println("ffmpeg:              not found on PATH - install ffmpeg to read "
                    + String.join(" ", new TreeSet<>(decoder.ffmpegExtensions())));
            out.println("analysis decodes:    with the Java decoders; quick mode seeks only in wav/aiff/au");
        }
        return modelOk ? ExitCodes.OK : ExitCodes.FAILURES;
    }

    /** Headline numbers only: scalars, and the scalars one level down; matrices and per-genre tables stay in the card. */
    private static void printMetrics(PrintWriter out, java.util.Map<String, Object> metrics) {
        for (var entry : metrics.entrySet()) {
            Object value = entry.getValue();
            if (value instanceof java.util.Map<?, ?> nested) {
                java.util.StringJoiner scalars = new java.util.StringJoiner(", ");
                nested.forEach((key, inner) -> {
                    if (inner instanceof Number || inner instanceof String || inner instanceof Boolean) {
                        scalars.add(key + " " + inner);
                    }
                });
                out.printf("  %-23s%s%n", entry.getKey() + ":", scalars);
            } else if (!(value instanceof java.util.Collection<?>) && !value.getClass().isArray()) {
                out.printf("  %-23s%s%n", entry.getKey() + ":", value);
            }
        }
    }

    private boolean printModel(PrintWriter out) {
        ModelLocator locator = ModelLocator.fromSystem();
        Optional<Path> file = locator.locate(modelOptions.model);
        if (file.isEmpty()) {
            out.println("model:               none - " + locator.notFoundMessage());
            return false;
        }
        try (GenreClassifier classifier = GenreClassifier.open(file.get(), modelOptions.classifierOptions())) {
            var card = classifier.card();
            out.println("model:               " + card.name() + " (" + file.get().toAbsolutePath() + ")");
            out.println("model sha256:        " + card.sha256());
            out.println("genres:              " + String.join(", ", card.labels()));
            out.println("features:            " + card.featureSpec().canonicalText());
            out.println("input shape:         " + card.inputShape());
            String note = classifier.executionProviderNote();
            out.println("execution provider:  " + classifier.executionProvider()
                    + (note.isBlank() ? "" : " (" + note + ")"));
            if (!card.metrics().isEmpty()) {
                out.println("metrics (from the card):");
                printMetrics(out, card.metrics());
            }
            return true;
        } catch (ModelLoadException e) {
            out.println("model:               unusable - " + e.getMessage());
            return false;
        }
    }
}
