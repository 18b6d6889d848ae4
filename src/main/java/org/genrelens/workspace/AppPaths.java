package org.genrelens.workspace;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.genrelens.library.LibraryLocation;

/**
 * Where the desktop app keeps its things: the library database, the settings file, the models the user trained,
 * and the model that ships with the app (absent in a build without one).
 */
public record AppPaths(Path database, Path settings, Path modelsDirectory, Optional<Path> bundledModel) {

    public AppPaths {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(modelsDirectory, "modelsDirectory");
        bundledModel = bundledModel == null ? Optional.empty() : bundledModel;
    }

    /** The user's genre vocabulary, beside the settings ({@link org.genrelens.tags.GenreMapFile}). */
    public Path genreMap() {
        return settings.resolveSibling(org.genrelens.tags.GenreMapFile.FILE_NAME);
    }

    /**
     * Spectra computed for training and tuning, kept so a second run does not decode again and a dataset larger than
     * memory trains from disk; a cache, safe to delete between runs.
     */
    public Path spectrumCache() {
        return database.resolveSibling("cache").resolve("spectra");
    }

    /**
     * The generated not-music clips training adds (a few MB per corpus), written once per corpus and reused so their
     * spectra are cached too ({@link org.genrelens.training.data.NonMusicCorpus#writeOnce}).
     */
    public Path notMusicCorpus() {
        return database.resolveSibling("cache").resolve("not-music");
    }

    /** The per-user defaults: everything beside the library database in the platform's data folder. */
    public static AppPaths defaults(Optional<Path> bundledModel) {
        return inFolder(LibraryLocation.defaultDatabase().getParent(), bundledModel);
    }

    /** Everything in one folder; tests and portable installs use this. */
    public static AppPaths inFolder(Path folder, Optional<Path> bundledModel) {
        return new AppPaths(folder.resolve(LibraryLocation.FILE_NAME), folder.resolve("settings.json"),
                folder.resolve("models"), bundledModel);
    }
}
