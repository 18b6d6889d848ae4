package org.genrelens.ui.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.genrelens.inference.GenreClassifier;
import org.genrelens.inference.ModelCard;
import org.genrelens.model.AnalysisMode;
import org.genrelens.training.card.CardMetrics;
import org.genrelens.ui.common.BackgroundRunner;
import org.genrelens.ui.common.ErrorReporter;
import org.genrelens.ui.library.LibraryViewModel;
import org.genrelens.workspace.LibraryEntry;
import org.genrelens.workspace.Workspace;

/**
 * The main window's state: whether this is the first run, the library contents, and the status bar (active model
 * with its metrics, execution provider). Adding folders, rescanning and re-analysing run in the background.
 */
public final class MainViewModel {

    private final Workspace workspace;
    private final BackgroundRunner runner;
    private final ErrorReporter errors;
    private final LibraryViewModel library = new LibraryViewModel();
    private final BooleanProperty firstRun = new SimpleBooleanProperty(true);
    private boolean welcomeDismissed;
    private final StringProperty modelText = new SimpleStringProperty("Model: loading...");
    private final StringProperty providerText = new SimpleStringProperty("");
    private final StringProperty libraryText = new SimpleStringProperty("");
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(false);
    private final List<Runnable> libraryListeners = new ArrayList<>();

    public MainViewModel(Workspace workspace, BackgroundRunner runner, ErrorReporter errors) {
        this.workspace = workspace;
        this.runner = runner;
        this.errors = errors;
        darkTheme.set(workspace.settings().darkTheme());
    }

    /**
     * Loads the library and the model's description, then rescans the remembered folders so songs added while the
     * app was closed appear (a rescan reads only new and changed files); called once the window shows.
     */
    public void start() {
        reloadLibrary();
        describeModel();
        rescan();
    }

    public void reloadLibrary() {
        runner.load((progress, cancellation) -> workspace.entries(), this::showEntries,
                error -> errors.show("Could not read the library", error));
    }

    /** Also runs whatever else shows library contents (tagging, history) after a reload. */
    public void onLibraryChanged(Runnable listener) {
        libraryListeners.add(listener);
    }

    private void showEntries(List<LibraryEntry> entries) {
        library.show(entries, workspace.genreMap());
        firstRun.set(!welcomeDismissed && entries.isEmpty() && workspace.settings().musicFolders().isEmpty());
        long analysed = entries.stream().filter(LibraryEntry::analysed).count();
        libraryText.set(String.format(Locale.ROOT, "%d songs, %d analysed", entries.size(), analysed));
        libraryListeners.forEach(Runnable::run);
    }

    public void describeModel() {
        runner.load((progress, cancellation) -> workspace.classifier(), this::showModel, error -> {
            modelText.set("No model: " + ErrorReporter.readable(error));
            providerText.set("");
        });
    }

    private void showModel(GenreClassifier classifier) {
        var card = classifier.card();
        modelText.set("Model: " + card.name() + metricsText(card));
        providerText.set(classifier.executionProvider());
    }

    static String metricsText(ModelCard card) {
        // the same figure README and the Train tab quote, with its protocol
        return CardMetrics.headlineOf(card).map(score -> ", " + score.describe()).orElse("");
    }

    /** Leaves the welcome screen without a music folder (to train first); reloading the empty library keeps it away. */
    public void dismissWelcome() {
        welcomeDismissed = true;
        firstRun.set(false);
    }

    /** Remembers the folders and scans + analyses them. */
    public void addFolders(List<Path> folders) {
        List<Path> usable = folders.stream().filter(Files::isDirectory).toList();
        if (usable.isEmpty()) {
            errors.show("Not a folder", new IllegalArgumentException("Drop or choose folders that hold music; "
                    + folders + " is not a folder."));
            return;
        }
        LinkedHashSet<String> roots = new LinkedHashSet<>(workspace.settings().musicFolders());
        usable.forEach(folder -> roots.add(folder.toAbsolutePath().normalize().toString()));
        try {
            workspace.saveSettings(workspace.settings().withMusicFolders(List.copyOf(roots)));
        } catch (java.io.IOException e) {
            errors.show("Could not save the settings", e);
        }
        firstRun.set(false);
        rescan();
    }

    /** Rescans every remembered folder (only changed files are read again) and analyses what is new. */
    public void rescan() {
        List<Path> roots = workspace.settings().musicFolders().stream().map(Path::of).toList();
        if (roots.isEmpty()) {
            return;
        }
        runner.run("Scanning and analysing", (progress, cancellation) ->
                workspace.scanAndAnalyze(roots, progress, cancellation), update -> reloadLibrary(), error -> {
                    reloadLibrary();
                    errors.show("Scanning or analysing stopped", error);
                });
    }

    /** Analyses tracks the active model has not analysed yet (after switching models, everything). */
    public void analyse() {
        analyse(AnalysisMode.FULL);
    }

    /** Full: every window; quick: four windows per song for a first look, replaced by a later full analysis. */
    public void analyse(AnalysisMode mode) {
        String title = mode == AnalysisMode.QUICK ? "Quick analysis" : "Analysing";
        runner.run(title, (progress, cancellation) -> workspace.analyzePending(mode, progress, cancellation),
                report -> reloadLibrary(), error -> {
                    reloadLibrary();
                    errors.show("Analysis stopped", error);
                });
    }

    public void setDarkTheme(boolean dark) {
        darkTheme.set(dark);
        try {
            workspace.saveSettings(workspace.settings().withDarkTheme(dark));
        } catch (java.io.IOException e) {
            errors.show("Could not save the settings", e);
        }
    }

    public Workspace workspace() { return workspace; }
    public BackgroundRunner runner() { return runner; }
    public LibraryViewModel library() { return library; }
    public BooleanProperty firstRunProperty() { return firstRun; }
    public StringProperty modelTextProperty() { return modelText; }
    public StringProperty providerTextProperty() { return providerText; }
    public StringProperty libraryTextProperty() { return libraryText; }
    public BooleanProperty darkThemeProperty() { return darkTheme; }
}
