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

    private static final int LONGEST_TEXT_SHOWN = 100;

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

    /**
     * Headline numbers only: scalars, and the scalars one level down (a report's from its track level); matrices,
     * per-genre tables and long texts such as a tuning's search space stay in the card.
     */
    private static void printMetrics(PrintWriter out, java.util.Map<String, Object> metrics) {
        int width = metrics.keySet().stream().mapToInt(String::length).max().orElse(0) + 2;
        for (var entry : metrics.entrySet()) {
            Object value = entry.getValue();
            String shown;
            if (value instanceof java.util.Map<?, ?> nested) {
                shown = scalars(nested.get("trackLevel") instanceof java.util.Map<?, ?> track ? track : nested);
            } else if (value instanceof java.util.Collection<?> list && list.stream().allMatch(Number.class::isInstance)) {
                shown = list.toString();
            } else if (value instanceof java.util.Collection<?> || value.getClass().isArray()) {
                continue;
            } else {
                shown = value.toString();
            }
            out.printf("  %-" + width + "s%s%n", entry.getKey() + ":", shown);
        }
    }

    private static String scalars(java.util.Map<?, ?> section) {
        java.util.StringJoiner scalars = new java.util.StringJoiner(", ");
        section.forEach((key, inner) -> {
            boolean shortText = inner instanceof String text && text.length() <= LONGEST_TEXT_SHOWN;
            if (inner instanceof Number || inner instanceof Boolean || shortText) {
                scalars.add(key + " " + inner);
            }
        });
        return scalars.toString();
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
            org.genrelens.training.card.CardMetrics.headlineOf(card)
                    .ifPresent(score -> out.println("score:               " + score.describe()));
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
