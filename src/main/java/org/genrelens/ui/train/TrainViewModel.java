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
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.genrelens.features.FeatureSpec;
import org.genrelens.features.FrequencyScale;
import org.genrelens.features.SpectrogramType;
import org.genrelens.training.ClassificationMetrics;
import org.genrelens.training.ConfusionHeatmap;
import org.genrelens.training.EpochReport;
import org.genrelens.training.HyperbandTuner;
import org.genrelens.training.LabeledClip;
import org.genrelens.training.TrainingReadiness;
import org.genrelens.training.TrainingRecipe;
import org.genrelens.ui.common.BackgroundRunner;
import org.genrelens.ui.common.ErrorReporter;
import org.genrelens.workspace.InstalledModels;
import org.genrelens.workspace.TrainingJobs;
import org.genrelens.workspace.Workspace;

/**
 * The Train tab: a dataset (a GTZAN or folder-per-genre tree, or the user's corrected/tagged library), the genres to
 * include, the spectrogram and training settings; train with live curves or tune with Hyperband in a time budget;
 * the evaluation; and "use this model", which keeps the previous models available.
 */
public final class TrainViewModel {

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

    private final Workspace workspace;
    private final TrainingJobs jobs;
    private final BackgroundRunner runner;
    private final ErrorReporter errors;
    private final Runnable reanalyse;

    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(Source.FOLDER);
    private final StringProperty folder = new SimpleStringProperty("");
    private final ObservableList<GenreChoice> genres = FXCollections.observableArrayList();
    private final ObjectProperty<SpectrogramType> spectrogramType = new SimpleObjectProperty<>(SpectrogramType.MEL);
    private final IntegerProperty bands = new SimpleIntegerProperty(64);
    private final IntegerProperty hopLength = new SimpleIntegerProperty(1024);
    private final DoubleProperty learningRate = new SimpleDoubleProperty(0.001);
    private final IntegerProperty epochs = new SimpleIntegerProperty(20);
    private final IntegerProperty folds = new SimpleIntegerProperty(3);
    private final BooleanProperty notMusic = new SimpleBooleanProperty(true);
    private final IntegerProperty tuneMinutes = new SimpleIntegerProperty(10);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final StringProperty stage = new SimpleStringProperty("");
    private final ObservableList<EpochReport> curve = FXCollections.observableArrayList();
    private final StringProperty result = new SimpleStringProperty("");
    private final ObservableList<GenreMetric> metrics = FXCollections.observableArrayList();
    private final ObjectProperty<Path> heatmap = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> trainedModel = new SimpleObjectProperty<>();
    private final ObservableList<InstalledModels.InstalledModel> models = FXCollections.observableArrayList();
    private final StringProperty activeModel = new SimpleStringProperty("");
    private final TrainingReadiness readiness = TrainingReadiness.ofThisMachine();
    private final StringProperty notice = new SimpleStringProperty("");
    private List<LabeledClip> loadedClips = List.of();
    private String datasetName = "";

    public TrainViewModel(Workspace workspace, BackgroundRunner runner, ErrorReporter errors, Runnable reanalyse) {
        this.workspace = workspace;
        this.jobs = new TrainingJobs(workspace);
        this.runner = runner;
        this.errors = errors;
        this.reanalyse = reanalyse;
        // said before a run starts: no PyTorch for this platform, or no espeak-ng for the not-music speech
        notMusic.addListener((o, before, after) -> notice.set(readiness.trainingUnavailable()
                .or(() -> after ? readiness.speechMissing() : java.util.Optional.empty()).orElse("")));
        notice.set(readiness.trainingUnavailable().or(readiness::speechMissing).orElse(""));
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
                ? jobs.folderClips(Path.of(folderText)) : jobs.libraryClips(), clips -> {
                    loadedClips = clips;
                    datasetName = chosen == Source.FOLDER ? Path.of(folderText).getFileName().toString() : "my-library";
                    Map<String, Integer> counts = new TreeMap<>();
                    clips.forEach(clip -> counts.merge(clip.genre(), 1, Integer::sum));
                    genres.setAll(counts.entrySet().stream().map(e -> new GenreChoice(e.getKey(), e.getValue()))
                            .toList());
                    result.set(clips.isEmpty() ? "No labelled songs found there." : clips.size() + " songs in "
                            + counts.size() + " genres.");
                }, error -> errors.show("Could not read the dataset", error));
    }

    /** Trains with live curves; with folds >= 2 the evaluation is cross-validated by clip. */
    public void train() {
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
            request = new TrainingJobs.TrainRequest(clips, datasetName, featureSpec(), learningRate.get(),
                    epochs.get(), folds.get() < 2 ? 0 : folds.get(), notMusic.get() ? 2 : 0, 42L);
        } catch (IllegalArgumentException e) {
            errors.show("These settings cannot be used", e);
            return;
        }
        curve.clear();
        metrics.clear();
        heatmap.set(null);
        trainedModel.set(null);
        result.set("");
        running.set(true);
        runner.run("Training", (progress, cancellation) -> jobs.train(request, new TrainingRecipe.Listener() {
            @Override
            public void onStage(String name) {
                runner.ui().execute(() -> {
                    stage.set(name);
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
                runner.ui().execute(() -> curve.add(report));
            }

            @Override
            public org.genrelens.task.ProgressListener featureProgress() {
                return (done, total, message) -> progress.onProgress(done, total, "Computing spectrograms");
            }
        }, cancellation), this::showOutcome, error -> {
            running.set(false);
            errors.show("Training stopped", error);
        });
    }

    private void showOutcome(TrainingRecipe.Outcome outcome) {
        running.set(false);
        trainedModel.set(outcome.model());
        StringBuilder text = new StringBuilder(outcome.cancelled() ? "Stopped early; the best epoch was kept. " : "");
        outcome.crossValidation().ifPresentOrElse(report -> {
            ClassificationMetrics track = report.trackLevel();
            text.append(String.format(Locale.ROOT, "%s, track level, %d clips: accuracy %.3f, balanced accuracy "
                            + "%.3f, macro-F1 %.3f.", report.splitName(), track.total(), track.accuracy(),
                    track.balancedAccuracy(), track.macroF1()));
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

    /** Hyperband tuning within the time budget; the best settings are copied into the form. */
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
        FeatureSpec base = featureSpec();
        Duration budget = Duration.ofMinutes(Math.max(1, tuneMinutes.get()));
        running.set(true);
        result.set("");
        runner.run("Tuning", (progress, cancellation) -> jobs.tune(clips, base, budget, Math.max(3, epochs.get()), 42L,
                (trial, finished) -> progress.onProgress(finished, -1, String.format(Locale.ROOT,
                        "Tuning: trial %d, balanced accuracy %.3f", trial.id(), trial.validBalancedAccuracy())),
                cancellation), this::showTuning, error -> {
                    running.set(false);
                    errors.show("Tuning stopped", error);
                });
    }

    private void showTuning(HyperbandTuner.Result tuning) {
        running.set(false);
        if (tuning.best() == null) {
            result.set("No trial finished within the budget; give it more minutes.");
            return;
        }
        var best = tuning.best().config();
        spectrogramType.set(best.featureSpec().type());
        bands.set(best.featureSpec().bands());
        hopLength.set(best.featureSpec().hopLength());
        learningRate.set(best.learningRate());
        result.set(String.format(Locale.ROOT, "Best of %d trials%s: %s, %d bands, learning rate %.4f, channels %s "
                        + "(validation balanced accuracy %.3f). These settings are now in the form: press Train.",
                tuning.trials().size(), tuning.stoppedEarly() ? " (time budget reached)" : "",
                best.featureSpec().type(), best.featureSpec().bands(), best.learningRate(),
                best.modelSpec().blockChannels(), tuning.best().validBalancedAccuracy()));
    }

    public void cancel() {
        runner.activity().cancel();
    }

    /** Installs the trained model, switches to it and re-analyses the library in the background. */
    public void useTrainedModel() {
        Path model = trainedModel.get();
        if (model == null) {
            return;
        }
        runner.run("Installing the model", (progress, cancellation) -> {
            InstalledModels.InstalledModel installed = workspace.models().install(model, datasetName.isBlank()
                    ? "genre-cnn" : "genre-cnn-" + datasetName);
            workspace.useModel(installed);
            return installed;
        }, installed -> {
            refreshModels();
            reanalyse.run();
        }, error -> errors.show("Could not use the model", error));
    }

    /** Switches back (or forward) to any installed model and re-analyses. */
    public void switchTo(InstalledModels.InstalledModel model) {
        if (model == null) {
            return;
        }
        runner.run("Switching model", (progress, cancellation) -> {
            workspace.useModel(model);
            return model;
        }, used -> {
            refreshModels();
            reanalyse.run();
        }, error -> errors.show("Could not switch to " + model.displayName(), error));
    }

    public void refreshModels() {
        runner.load((progress, cancellation) -> workspace.models().list(), list -> {
            models.setAll(list);
            workspace.models().active(workspace.settings()).ifPresent(m -> activeModel.set(m.displayName()));
        }, error -> errors.show("Could not list the models", error));
    }

    private List<LabeledClip> includedClips() {
        List<String> included = genres.stream().filter(g -> g.includedProperty().get()).map(GenreChoice::genre)
                .toList();
        if (included.size() < 2) {
            return List.of();
        }
        return loadedClips.stream().filter(clip -> included.contains(clip.genre())).toList();
    }

    FeatureSpec featureSpec() {
        FeatureSpec base = FeatureSpec.defaultMel();
        SpectrogramType type = spectrogramType.get();
        List<Integer> ffts = type == SpectrogramType.MULTI_STFT ? List.of(512, 1024, 2048) : base.fftSizes();
        FrequencyScale scale = type == SpectrogramType.STFT ? FrequencyScale.LOG : base.stftScale();
        return new FeatureSpec(type, base.sampleRate(), base.windowSeconds(), base.windowHopSeconds(), ffts,
                hopLength.get(), bands.get(), base.fMin(), base.fMax(), scale, base.dbReference(), base.topDb(),
                base.normMean(), base.normStd());
    }

    public ObjectProperty<Source> sourceProperty() { return source; }
    public StringProperty folderProperty() { return folder; }
    public ObservableList<GenreChoice> genres() { return genres; }
    public ObjectProperty<SpectrogramType> spectrogramTypeProperty() { return spectrogramType; }
    public IntegerProperty bandsProperty() { return bands; }
    public IntegerProperty hopLengthProperty() { return hopLength; }
    public DoubleProperty learningRateProperty() { return learningRate; }
    public IntegerProperty epochsProperty() { return epochs; }
    public IntegerProperty foldsProperty() { return folds; }
    public BooleanProperty notMusicProperty() { return notMusic; }
    public IntegerProperty tuneMinutesProperty() { return tuneMinutes; }
    public BooleanProperty runningProperty() { return running; }
    public StringProperty stageProperty() { return stage; }
    public ObservableList<EpochReport> curve() { return curve; }
    public StringProperty resultProperty() { return result; }
    public ObservableList<GenreMetric> metrics() { return metrics; }
    public ObjectProperty<Path> heatmapProperty() { return heatmap; }
    public ObjectProperty<Path> trainedModelProperty() { return trainedModel; }
    public ObservableList<InstalledModels.InstalledModel> models() { return models; }
    public StringProperty activeModelProperty() { return activeModel; }
    public StringProperty noticeProperty() { return notice; }
}
