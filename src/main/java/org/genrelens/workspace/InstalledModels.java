package org.genrelens.workspace;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.genrelens.inference.ModelCard;

/**
 * The models the app can use: the bundled one and every model the user trained (kept in the models folder, never
 * overwritten, so switching back is always possible).
 */
public final class InstalledModels {

    /** A model file with its card. */
    public record InstalledModel(Path file, ModelCard card, boolean bundled) {
        public String displayName() {
            return (bundled ? "bundled: " : "") + file.getFileName().toString().replaceFirst("\\.onnx$", "");
        }
    }

    private static final Logger LOG = Logger.getLogger(InstalledModels.class.getName());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final AppPaths paths;

    public InstalledModels(AppPaths paths) {
        this.paths = paths;
    }

    /** The bundled model first, then the user's models, newest first; models without a readable card are left out. */
    public List<InstalledModel> list() {
        List<InstalledModel> models = new ArrayList<>();
        paths.bundledModel().flatMap(file -> read(file, true)).ifPresent(models::add);
        List<InstalledModel> trained = new ArrayList<>();
        if (Files.isDirectory(paths.modelsDirectory())) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(paths.modelsDirectory(), "*.onnx")) {
                for (Path file : files) {
                    read(file, false).ifPresent(trained::add);
                }
            } catch (IOException e) {
                LOG.log(Level.WARNING, "could not list " + paths.modelsDirectory(), e);
            }
        }
        trained.sort(Comparator.comparing((InstalledModel m) -> m.card().createdAt()).reversed());
        models.addAll(trained);
        return models;
    }

    /** The model the settings name, else the bundled one, else the newest trained one. */
    public Optional<InstalledModel> active(Settings settings) {
        List<InstalledModel> all = list();
        if (settings.activeModel() != null) {
            Path wanted = Path.of(settings.activeModel()).toAbsolutePath().normalize();
            for (InstalledModel model : all) {
                if (model.file().toAbsolutePath().normalize().equals(wanted)) {
                    return Optional.of(model);
                }
            }
        }
        return all.stream().findFirst();
    }

    /** Copies a freshly trained model and its card into the models folder under a new, dated name. */
    public InstalledModel install(Path trainedModel, String name) throws IOException {
        Path target = newModelFile(name);
        Files.copy(ModelCard.cardPathFor(trainedModel), ModelCard.cardPathFor(target),
                StandardCopyOption.REPLACE_EXISTING);
        Files.copy(trainedModel, target);
        return new InstalledModel(target, ModelCard.read(ModelCard.cardPathFor(target)), false);
    }

    /**
     * A new, dated file (and card) name in the models folder for a model called {@code name}, created if needed:
     * nothing there is overwritten, and the app lists what is written there. The CLI writes here too.
     */
    public Path newModelFile(String name) throws IOException {
        Files.createDirectories(paths.modelsDirectory());
        String base = name.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + LocalDateTime.now().format(STAMP);
        Path target = paths.modelsDirectory().resolve(base + ".onnx");
        for (int n = 2; Files.exists(target) || Files.exists(ModelCard.cardPathFor(target)); n++) {
            target = paths.modelsDirectory().resolve(base + "-" + n + ".onnx");
        }
        return target;
    }

    private static Optional<InstalledModel> read(Path file, boolean bundled) {
        Path card = ModelCard.cardPathFor(file);
        if (!Files.isRegularFile(file) || !Files.isRegularFile(card)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new InstalledModel(file, ModelCard.read(card), bundled));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "skipping model " + file + ": its card cannot be read (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }
}
