package org.genrelens.app;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the model to use: an explicit path, then {@code GENRELENS_MODEL}, then {@code models/genre-cnn.onnx}
 * in the application home (installer), beside the build output, and in the working directory.
 */
public final class ModelLocator {

    /** The trained CNN first; the statistics baseline stands in until a CNN is installed. */
    public static final List<String> DEFAULT_MODELS = List.of("genre-cnn.onnx", "genre-baseline.onnx");
    public static final String ENV_VARIABLE = "GENRELENS_MODEL";
    public static final String HOME_PROPERTY = "genrelens.home";

    private final Map<String, String> environment;

    public ModelLocator(Map<String, String> environment) {
        this.environment = environment;
    }

    public static ModelLocator fromSystem() {
        return new ModelLocator(System.getenv());
    }

    /** The model file to open, or empty when none exists where we look. */
    public Optional<Path> locate(Path explicit) {
        if (explicit != null) {
            return Optional.of(explicit);
        }
        return candidates().stream().filter(Files::isRegularFile).findFirst();
    }

    /** Where {@link #locate} looks when no path is given, in order. */
    public List<Path> candidates() {
        Set<Path> places = new LinkedHashSet<>();
        String fromEnv = environment.get(ENV_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            places.add(Path.of(fromEnv));
        }
        String home = System.getProperty(HOME_PROPERTY);
        if (home != null && !home.isBlank()) {
            DEFAULT_MODELS.forEach(name -> places.add(Path.of(home, "models", name)));
        }
        codeLocation().ifPresent(code -> {
            // target/classes or target/genrelens.jar → the project root two levels up
            Path root = code.getParent() == null ? null : code.getParent().getParent();
            if (root != null) {
                DEFAULT_MODELS.forEach(name -> places.add(root.resolve("models").resolve(name)));
            }
        });
        DEFAULT_MODELS.forEach(name -> places.add(Path.of("models", name)));
        List<Path> normalised = new ArrayList<>();
        for (Path place : places) {
            normalised.add(place.toAbsolutePath().normalize());
        }
        return List.copyOf(new LinkedHashSet<>(normalised));
    }

    /** The message for a user when no model was found. */
    public String notFoundMessage() {
        StringBuilder text = new StringBuilder("no genre model found; looked in:");
        for (Path place : candidates()) {
            text.append(System.lineSeparator()).append("  ").append(place);
        }
        text.append(System.lineSeparator())
                .append("Pass --model FILE.onnx (with FILE.card.json beside it) or set ").append(ENV_VARIABLE).append('.');
        return text.toString();
    }

    private static Optional<Path> codeLocation() {
        try {
            var source = ModelLocator.class.getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
