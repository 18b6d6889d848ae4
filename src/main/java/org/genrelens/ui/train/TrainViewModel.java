package org.genrelens.ui.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import java.util.Optional;
import org.genrelens.training.FineTuneStart;
import org.genrelens.training.TrainingConfig;
import org.genrelens.training.TrainingReadiness;
import org.genrelens.training.TrainingRecipe;
import org.genrelens.training.cnn.EpochReport;
import org.genrelens.training.data.LabeledClip;
import org.genrelens.training.evaluation.ClassificationMetrics;
import org.genrelens.training.evaluation.ConfusionHeatmap;
import org.genrelens.training.tuning.ClipTuning;
import org.genrelens.ui.common.ActivityViewModel;
import org.genrelens.ui.common.BackgroundRunner;
import org.genrelens.ui.common.ErrorReporter;
import org.genrelens.workspace.InstalledModels;
import org.genrelens.workspace.LibraryTrainingSet;
import org.genrelens.workspace.TrainingJobs;
import org.genrelens.workspace.Workspace;

/**
 * The Train tab: a dataset (a GTZAN or folder-per-genre tree, or the user's corrected/tagged library), the genres to
 * include, the spectrogram and training settings; train with live curves or tune with Hyperband in a time budget;
 * the evaluation; and "use this model", which keeps the previous models available.
 */
public final class TrainViewModel {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(TrainViewModel.class.getName());

    /** Where the training songs come from. */
    public enum Source {
        FOLDER("A GTZAN or folder-per-genre folder"),
        LIBRARY("My corrected and tagged library");

        private final String text;

        Source(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** What a training run starts from. */
    public enum Start {
        FINE_TUNE("Fine-tune the active model"),
        SCRATCH("Train from scratch"),
        /** Only for the library: a new output layer on what analysis stored, nothing decoded. */
        HEAD("New head on stored embeddings (library, no decoding)");

        private final String text;

        Start(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private final Workspace workspace;
    private final TrainingJobs jobs;
    private final BackgroundRunner runner;
    private final ErrorReporter errors;

    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(Source.FOLDER);
    private final StringProperty folder = new SimpleStringProperty("");
    private final ObservableList<GenreChoice> genres = FXCollections.observableArrayList();
    private final ObjectProperty<Start> start = new SimpleObjectProperty<>(Start.FINE_TUNE);
    private final RecipeForm form = new RecipeForm();
    private final IntegerProperty folds = new SimpleIntegerProperty(3);
    private final BooleanProperty notMusic = new SimpleBooleanProperty(true);
    private final IntegerProperty tuneMinutes = new SimpleIntegerProperty(10);
    private final ObjectProperty<ClipTuning.Outcome> lastTuning = new SimpleObjectProperty<>();
    private final IntegerProperty minTracks = new SimpleIntegerProperty(LibraryTrainingSet.DEFAULT_MIN_TRACKS);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final StringProperty stage = new SimpleStringProperty("");
    /** The last epoch of the stage: how long it took, its validation score and the time left. */
    private final StringProperty lastEpoch = new SimpleStringProperty("");
    private final ObservableList<EpochReport> curve = FXCollections.observableArrayList();
    private final StringProperty result = new SimpleStringProperty("");
    /** Where training keeps spectra and how much space they take: the cache is never pruned. */
    private final StringProperty keptSpectra = new SimpleStringProperty("");
    /** Spectra are kept and can be deleted. */
    private final BooleanProperty spectraKept = new SimpleBooleanProperty(false);
    private final ObservableList<GenreMetric> metrics = FXCollections.observableArrayList();
    private final ObjectProperty<Path> heatmap = new SimpleObjectProperty<>();
    private final ModelShelf shelf;
    private final TrainingReadiness readiness = TrainingReadiness.ofThisMachine();
    private final StringProperty notice = new SimpleStringProperty("");
    private List<LabeledClip> loadedClips = List.of();
    /** The active model refused fine-tuning, so the start was chosen for the user. */
    private boolean cannotFineTune;
    private String datasetName = "";

    public TrainViewModel(Workspace workspace, BackgroundRunner runner, ErrorReporter errors, Runnable reanalyse) {
        this.workspace = workspace;
        this.jobs = new TrainingJobs(workspace);
        this.runner = runner;
        this.errors = errors;
        this.shelf = new ModelShelf(workspace, runner, errors, reanalyse);
        // said before a run starts: no PyTorch for this platform, or no espeak-ng for the not-music speech
        notMusic.addListener((o, before, after) -> notice.set(readiness.trainingUnavailable()
                .or(() -> after ? readiness.speechMissing() : java.util.Optional.empty()).orElse("")));
        notice.set(readiness.trainingUnavailable().or(readiness::speechMissing).orElse(""));
        // fine-tuning trains the active model's own spectrogram and network: the form shows them
        start.addListener((o, before, after) -> showStartingPoint());
        // the start chosen for a model that cannot be fine-tuned follows the source: a head for the library
        source.addListener((o, before, after) -> {
            if (cannotFineTune && after == Source.LIBRARY && start.get() == Start.SCRATCH) {
                start.set(Start.HEAD);
            } else if (cannotFineTune && after == Source.FOLDER && start.get() == Start.HEAD) {
                start.set(Start.SCRATCH);
            }
        });
        // a cancelled job calls neither callback; the status bar's task ending is the one sure signal
        runner.activity().runningProperty().addListener((o, before, after) -> {
            if (!after) {
                running.set(false);
            }
        });
    }

    /** Finds the clips of the chosen source and lists their genres, all included. */
    public void loadDataset() {
        Source chosen = source.get();
        String folderText = folder.get() == null ? "" : folder.get().strip();
        if (chosen == Source.FOLDER && folderText.isEmpty()) {
            result.set("Choose a dataset folder first.");
            return;
        }
        runner.run("Reading the dataset", (progress, cancellation) -> chosen == Source.FOLDER
                ? new LibraryOrFolder(jobs.folderClips(Path.of(folderText)), "")
                : LibraryOrFolder.of(jobs.libraryClips(Math.max(1, minTracks.get()))), loaded -> {
                    List<LabeledClip> clips = loaded.clips();
                    loadedClips = clips;
                    datasetName = chosen == Source.FOLDER ? Path.of(folderText).getFileName().toString() : "my-library";
                    Map<String, Integer> counts = new TreeMap<>();
                    clips.forEach(clip -> counts.merge(clip.genre(), 1, Integer::sum));
                    genres.setAll(counts.entrySet().stream().map(e -> new GenreChoice(e.getKey(), e.getValue()))
                            .toList());
                    result.set(!loaded.note().isEmpty() ? loaded.note() + "." : clips.isEmpty()
                            ? "No labelled songs found there." : clips.size() + " songs in " + counts.size()
                                    + " genres.");
                }, error -> errors.show("Could not read the dataset", error));
    }

    /** Trains with live curves; with folds >= 2 the evaluation is cross-validated by clip. */
    public void train() {
        if (start.get() == Start.HEAD) {
            trainHead();
            return;
        }
        if (readiness.trainingUnavailable().isPresent()) {
            result.set(notice.get());
            return;
        }
        List<LabeledClip> clips = includedClips();
        if (clips.isEmpty()) {
            result.set("Load a dataset and include at least two genres.");
            return;
        }
        TrainingJobs.TrainRequest request;
        try {
            Optional<Path> from = start.get() == Start.FINE_TUNE ? shelf.activeModelFile() : Optional.empty();
            if (start.get() == Start.FINE_TUNE && from.isEmpty()) {
                result.set("No model is in use to fine-tune; choose \"Train from scratch\".");
                return;
            }
            request = new TrainingJobs.TrainRequest(clips, datasetName, form.config(), from,
                    folds.get() < 2 ? 0 : folds.get(), notMusic.get() ? 2 : 0);
        } catch (IllegalArgumentException e) {
            errors.show("These settings cannot be used", e);
            return;
        }
        curve.clear();
        metrics.clear();
        heatmap.set(null);
        shelf.clear();
        result.set("");
        running.set(true);
        runner.run("Training", (progress, cancellation) -> {
            TrainingRecipe.Outcome outcome = jobs.train(request, trainingListener(progress), cancellation);
            String kept = keptSpectraLine();
            runner.ui().execute(() -> showKeptSpectra(kept));
            return outcome;
        }, this::showOutcome, error -> {
            running.set(false);
            errors.show("Training stopped", error);
        });
    }

    private TrainingRecipe.Listener trainingListener(org.genrelens.task.ProgressListener progress) {
        return new TrainingRecipe.Listener() {
            private Duration before = Duration.ZERO;
            private String stageName = "";

            @Override
            public void onStage(String name) {
                before = Duration.ZERO;
                stageName = name;
                runner.ui().execute(() -> {
                    stage.set(name);
                    lastEpoch.set("");
                    curve.clear();
                });
            }

            @Override
            public void onStep(int epoch, int step, int steps, double loss) {
                progress.onProgress(step, steps, String.format(Locale.ROOT, "Training %s: epoch %d, step %d of %d, "
                        + "loss %.3f", stage.get(), epoch, step, steps, loss));
            }

            @Override
            public void onEpoch(EpochReport report) {
                String line = epochLine(report, report.elapsed().minus(before));
                before = report.elapsed();
                String stageNow = stageName;
                LOG.info(() -> "Training " + stageNow + ": " + line);
                runner.ui().execute(() -> {
                    lastEpoch.set(line);
                    curve.add(report);
                });
            }

            @Override
            public org.genrelens.task.ProgressListener featureProgress() {
                return (done, total, message) -> progress.onProgress(done, total, "Computing spectrograms");
            }
        };
    }

    /** "epoch 1 of 2 took 1:37, validation balanced accuracy 0.945; about 1:37 left". */
    static String epochLine(EpochReport report, Duration took) {
        String line = String.format(Locale.ROOT, "epoch %d of %d took %s, validation balanced accuracy %.3f",
                report.epoch(), report.maxEpochs(), ActivityViewModel.formatDuration(took),
                report.validBalancedAccuracy());
        return report.epoch() < report.maxEpochs()
                ? line + "; at most " + ActivityViewModel.formatDuration(report.eta()) + " left" : line;
    }

    /** A head on the active model's stored embeddings, for the ticked genres of the library. */
    private void trainHead() {
        if (source.get() != Source.LIBRARY) {
            result.set("A new head learns from the embeddings stored when your library was analysed: choose \""
                    + Source.LIBRARY + "\" as the source.");
            return;
        }
        List<String> included = includedClips().stream().map(LabeledClip::genre).distinct().toList();
        if (included.isEmpty()) {
            result.set("Load a dataset and include at least two genres.");
            return;
        }
        int headFolds = folds.get() < 2 ? 0 : folds.get();
        int fewest = Math.max(1, minTracks.get());
        metrics.clear();
        heatmap.set(null);
        shelf.clear();
        result.set("");
        running.set(true);
        runner.run("Training a head", (progress, cancellation) -> {
            progress.onProgress(0, -1, "Training a head on the stored embeddings");
            return jobs.trainHead(included, fewest, headFolds, cancellation);
        }, run -> {
            showOutcome(run.outcome());
            result.set(result.get() + " " + run.summary() + ".");
        }, error -> {
            running.set(false);
            errors.show("Training stopped", error);
        });
    }

    private void showOutcome(TrainingRecipe.Outcome outcome) {
        running.set(false);
        shelf.offer(outcome);
        StringBuilder text = new StringBuilder(outcome.cancelled() ? "Stopped early; the best epoch was kept. " : "");
        outcome.crossValidation().ifPresentOrElse(report -> {
            ClassificationMetrics track = report.trackLevel();
            text.append(String.format(Locale.ROOT, "%s, track level, %d clips: accuracy %.3f, balanced accuracy "
                            + "%.3f, macro-F1 %.3f.", report.splitName(), track.total(), track.accuracy(),
                    track.balancedAccuracy(), track.macroF1()));
            shelf.heldOutClipsTheStartHeard().ifPresent(heard -> text.append(String.format(Locale.ROOT,
                    " %d of these clips were learned by the model it started from, so these numbers flatter it.",
                    heard)));
            List<GenreMetric> rows = new ArrayList<>();
            for (int k = 0; k < track.labels().size(); k++) {
                int clips = java.util.Arrays.stream(track.confusion()[k]).sum();
                rows.add(new GenreMetric(track.labels().get(k), track.precision(k), track.recall(k), track.f1(k),
                        clips));
            }
            metrics.setAll(rows);
            try {
                Path png = Files.createTempFile("genrelens-confusion", ".png");
                ConfusionHeatmap.writePng(track, report.splitName() + ", track level", png);
                heatmap.set(png);
            } catch (java.io.IOException e) {
                errors.show("Could not draw the confusion matrix", e);
            }
        }, () -> text.append("Trained without cross-validation (choose 2 or more folds for an evaluation)."));
        result.set(text.toString());
    }

    /**
     * Tuning within the time budget (the spectrogram by its start first, then Hyperband over the network); every
     * winning setting is put into the form.
     */
    public void tune() {
        if (readiness.trainingUnavailable().isPresent()) {
            result.set(notice.get());
            return;
        }
        List<LabeledClip> clips = includedClips();
        if (clips.isEmpty()) {
            result.set("Load a dataset and include at least two genres.");
            return;
        }
        TrainingConfig base;
        try {
            base = form.config();
        } catch (IllegalArgumentException e) {
            errors.show("These settings cannot be used", e);
            return;
        }
        Duration budget = Duration.ofMinutes(Math.max(1, tuneMinutes.get()));
        running.set(true);
        result.set("");
        runner.run("Tuning", (progress, cancellation) -> jobs.tune(clips, base, budget, 9,
                (trial, finished) -> progress.onProgress(finished, -1, String.format(Locale.ROOT,
                        "Tuning: %s %d, balanced accuracy %.3f", trial.epochs() == 0 ? "spectrogram" : "trial",
                        trial.id(), trial.validBalancedAccuracy())),
                cancellation), this::showTuning, error -> {
                    running.set(false);
                    errors.show("Tuning stopped", error);
                });
    }

    private void showTuning(ClipTuning.Outcome tuning) {
        running.set(false);
        if (tuning.chosen().isEmpty()) {
            result.set("No trial finished within the budget; give it more minutes.");
            return;
        }
        lastTuning.set(tuning);
        TrainingConfig best = tuning.chosen().get();
        // a tuned network starts from scratch: it is not the active model's network
        start.set(Start.SCRATCH);
        form.show(best);
        result.set(String.format(Locale.ROOT, "Best of %d trials%s: %s, %d bands, channels %s, statistics %d, "
                        + "learning rate %.4f (validation balanced accuracy %.3f on %s). Every setting is now in the "
                        + "form: press Train.", tuning.result().trials().size(),
                tuning.result().stoppedEarly() ? " (time budget reached)" : "", best.featureSpec().type(),
                best.featureSpec().bands(), best.network().blockChannels(),
                best.network().statistics().coefficients(), best.settings().learningRate(),
                tuning.result().best().validBalancedAccuracy(), tuning.split().name()));
    }

    public void cancel() {
        runner.activity().cancel();
    }

    /**
     * "Use this model": installs at once when the candidate scores at least as well as the model in use; otherwise
     * sets {@link #installQuestionProperty()} and waits for {@link #confirmInstall()} (the view asks the user).
     */
    public void useTrainedModel() {
        shelf.useTrainedModel(this::installName);
    }

    public void confirmInstall() {
        shelf.confirmInstall(this::installName);
    }

    public void declineInstall() {
        shelf.declineInstall();
    }

    private String installName() {
        return datasetName.isBlank() ? "genre-cnn" : "genre-cnn-" + datasetName;
    }

    /** In fine-tune mode the form shows the active model's spectrogram and network (and keeps the settings). */
    private void showStartingPoint() {
        if (start.get() != Start.FINE_TUNE) {
            return;
        }
        // the card is read off the FX thread; the form is filled on it
        shelf.activeModelFile().ifPresent(file -> runner.load((progress, cancellation) -> FineTuneStart.read(file),
                model -> {
                    try {
                        cannotFineTune = false;
                        // the model's own settings, as `train --from` takes them: one recipe for both faces
                        form.show(model.config(form.config()));
                    } catch (IllegalArgumentException e) {
                        fallBackToScratch(e);
                    }
                }, this::fallBackToScratch));
    }

    /**
     * The active model cannot be fine-tuned: train from scratch, or for the library a new head on its stored
     * embeddings, which needs no decoding and keeps the model's layers.
     */
    private void fallBackToScratch(Throwable why) {
        cannotFineTune = true;
        Start instead = source.get() == Source.LIBRARY ? Start.HEAD : Start.SCRATCH;
        start.set(instead);
        String reason = ErrorReporter.readable(why).strip();
        result.set(reason + (reason.endsWith(".") ? "" : ".") + " Switched to \"" + instead + "\".");
    }

    /** Switches back (or forward) to any installed model and re-analyses. */
    public void switchTo(InstalledModels.InstalledModel model) {
        shelf.switchTo(model);
    }

    public void refreshModels() {
        shelf.refresh(this::showStartingPoint);
        runner.load((progress, cancellation) -> keptSpectraLine(), this::showKeptSpectra,
                error -> errors.show("Could not measure the kept spectra", error));
    }

    /** Deletes the spectra training keeps, unless a run is using them, and says what was freed. */
    public void deleteKeptSpectra() {
        if (running.get()) {
            return;
        }
        runner.run("Deleting kept spectra", (progress, cancellation) -> jobs.deleteKeptSpectra(),
                deleted -> {
                    spectraKept.set(false);
                    keptSpectra.set("Deleted the kept spectra (" + deleted.size()
                            + "); training computes them again when it needs them.");
                },
                error -> errors.show("Could not delete the kept spectra", error));
    }

    private void showKeptSpectra(String line) {
        keptSpectra.set(line);
        spectraKept.set(!line.isEmpty());
    }

    private String keptSpectraLine() {
        return jobs.keptSpectra().map(line -> Character.toUpperCase(line.charAt(0)) + line.substring(1) + ".")
                .orElse("");
    }

    private List<LabeledClip> includedClips() {
        List<String> included = genres.stream().filter(g -> g.includedProperty().get()).map(GenreChoice::genre)
                .toList();
        if (included.size() < 2) {
            return List.of();
        }
        return loadedClips.stream().filter(clip -> included.contains(clip.genre())).toList();
    }

    public ObjectProperty<Source> sourceProperty() { return source; }
    public StringProperty folderProperty() { return folder; }
    public ObservableList<GenreChoice> genres() { return genres; }
    public ObjectProperty<Start> startProperty() { return start; }
    public RecipeForm form() { return form; }
    public StringProperty comparisonProperty() { return shelf.comparisonProperty(); }
    public StringProperty installQuestionProperty() { return shelf.installQuestionProperty(); }
    public IntegerProperty foldsProperty() { return folds; }
    public BooleanProperty notMusicProperty() { return notMusic; }
    public IntegerProperty tuneMinutesProperty() { return tuneMinutes; }

    /** The last tuning that chose a configuration: its trials, split and winner. */
    public ReadOnlyObjectProperty<ClipTuning.Outcome> lastTuningProperty() { return lastTuning; }
    /** For the library: the fewest tracks a genre needs to be learned. */
    public IntegerProperty minTracksProperty() { return minTracks; }
    public BooleanProperty runningProperty() { return running; }
    public StringProperty stageProperty() { return stage; }

    public StringProperty lastEpochProperty() { return lastEpoch; }
    public ObservableList<EpochReport> curve() { return curve; }
    public StringProperty resultProperty() { return result; }

    public ReadOnlyStringProperty keptSpectraProperty() { return keptSpectra; }
    public ReadOnlyBooleanProperty spectraKeptProperty() { return spectraKept; }
    public ObservableList<GenreMetric> metrics() { return metrics; }
    public ObjectProperty<Path> heatmapProperty() { return heatmap; }
    public ObjectProperty<Path> trainedModelProperty() { return shelf.trainedModelProperty(); }
    public ObservableList<InstalledModels.InstalledModel> models() { return shelf.models(); }
    public StringProperty activeModelProperty() { return shelf.activeModelProperty(); }
    /** The installed model in use, once the models are listed. */
    public ReadOnlyObjectProperty<InstalledModels.InstalledModel> activeProperty() { return shelf.activeProperty(); }
    public StringProperty noticeProperty() { return notice; }

    /** Clips to choose from, and for the library what was left out and why. */
    private record LibraryOrFolder(List<LabeledClip> clips, String note) {
        static LibraryOrFolder of(LibraryTrainingSet set) {
            return new LibraryOrFolder(set.clips(), "Your library: " + set.summary());
        }
    }
}
