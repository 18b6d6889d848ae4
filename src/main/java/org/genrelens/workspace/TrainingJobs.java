package org.genrelens.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.task.Cancellation;
import org.genrelens.training.FineTuneStart;
import org.genrelens.training.TrainingConfig;
import org.genrelens.training.TrainingRecipe;
import org.genrelens.training.card.HeardClips;
import org.genrelens.training.cnn.WeightSource;
import org.genrelens.training.data.FolderDataset;
import org.genrelens.training.data.LabeledClip;
import org.genrelens.training.data.NonMusicCorpus;
import org.genrelens.training.head.HeadTrainer;
import org.genrelens.training.tuning.ClipTuning;
import org.genrelens.training.tuning.HyperbandTuner;
import org.genrelens.training.tuning.SearchSpace;

/** Training and tuning as the desktop app's Train tab runs them: datasets, the not-music class, and where models go. */
public final class TrainingJobs {

    /**
     * What the user asked for in the Train tab.
     *
     * @param config       the recipe, from {@link TrainingConfig#defaults()} as the form edited it
     * @param fineTuneFrom the model to fine-tune (its spectrogram and network replace the config's), or empty to
     *                     train from scratch
     */
    public record TrainRequest(List<LabeledClip> clips, String datasetName, TrainingConfig config,
            Optional<Path> fineTuneFrom, int folds, int notMusicPerKind) {
        public TrainRequest {
            clips = List.copyOf(clips);
            java.util.Objects.requireNonNull(config, "config");
            java.util.Objects.requireNonNull(fineTuneFrom, "fineTuneFrom");
            if (folds == 1 || folds < 0) {
                throw new IllegalArgumentException("folds must be 0 (no evaluation) or at least 2");
            }
        }
    }

    private final Workspace workspace;

    public TrainingJobs(Workspace workspace) {
        this.workspace = workspace;
    }

    /** A GTZAN folder or any folder-per-genre tree. */
    public List<LabeledClip> folderClips(Path folder) throws IOException {
        AudioDecoder decoder = workspace.decoder();
        return FolderDataset.scan(folder, decoder.readableExtensions());
    }

    /**
     * The user's library: hand corrections first, else the first genre tag in the file, as the canonical name of
     * its genre in the genre map ("Hip Hop" and "hip-hop" both train "hiphop", the model's label), grouped by artist
     * for cross-validation; genres with fewer than {@code minTracks} tracks are left out and named.
     */
    public LibraryTrainingSet libraryClips(int minTracks) {
        return LibraryTrainingSet.of(workspace.entries(), workspace.genreMap(), minTracks);
    }

    /** Trains (cross-validating when folds >= 2) and writes the model into a scratch folder, not yet installed. */
    public TrainingRecipe.Outcome train(TrainRequest request, TrainingRecipe.Listener listener,
            Cancellation cancellation) throws IOException {
        List<LabeledClip> clips = withNotMusic(request.clips(), request.notMusicPerKind());
        requireTwoGenres(clips);
        List<String> labels = labels(clips);
        TrainingConfig config = request.config();
        WeightSource initial = WeightSource.RANDOM;
        HeardClips startHeard = HeardClips.none();
        int networks = 1;
        if (request.fineTuneFrom().isPresent()) {
            FineTuneStart start = FineTuneStart.read(request.fineTuneFrom().get());
            config = start.config(config).withSettings(config.settings());
            initial = start.weights(labels);
            startHeard = start.heardClips();
            // an ensemble of seeds stays one: each network fine-tunes from its own
            networks = start.networks();
        }
        TrainingRecipe.Plan plan = new TrainingRecipe.Plan(clips, request.datasetName(), config.featureSpec(),
                config.network().withClasses(labels.size()), config.settings(), request.folds(), 0.15, initial,
                Optional.of(workspace.paths().spectrumCache()), networks, 0, 0, config.tuning(), startHeard);
        // the file name becomes the card's name, which the status bar shows
        Path scratch = Files.createDirectories(workspace.paths().modelsDirectory().resolve(".training")
                .resolve(Long.toString(System.currentTimeMillis())));
        String name = "genre-cnn-" + request.datasetName().replaceAll("[^A-Za-z0-9._-]", "_");
        Path target = scratch.resolve(name + ".onnx");
        return new TrainingRecipe(workspace.decoder()).run(plan, target, listener, cancellation);
    }

    /** Where training keeps spectra and how much space they take, for the user to see after a run. */
    public Optional<String> keptSpectra() {
        return org.genrelens.training.data.SpectrumCache.describeKept(workspace.paths().spectrumCache());
    }

    /** Deletes the spectra training keeps (they are computed again when needed); returns what was deleted. */
    public org.genrelens.training.data.KeptSpectra deleteKeptSpectra() throws IOException {
        return org.genrelens.training.data.KeptSpectra.delete(workspace.paths().spectrumCache());
    }

    /**
     * A new head on the active model's stored embeddings for these genres of the library (no decoding), written into
     * a scratch folder as a model with the active model's layers, not yet installed; reported as a training run is.
     */
    public HeadRun trainHead(java.util.Collection<String> genres, int minTracks, int folds,
            Cancellation cancellation) throws IOException {
        InstalledModels.InstalledModel active = workspace.models().active(workspace.settings()).orElseThrow(() ->
                new IllegalStateException("no model is in use; a new head sits on the model in use"));
        LibraryHeadTraining training = LibraryHeadTraining.of(workspace.library(), workspace.genreMap(), minTracks,
                active.card()).only(genres);
        HeadTrainer.Settings defaults = HeadTrainer.Settings.defaults();
        HeadTrainer.Settings settings = new HeadTrainer.Settings(folds, defaults.seed(), defaults.l2(),
                defaults.iterations(), defaults.learningRate());
        Path scratch = Files.createDirectories(workspace.paths().modelsDirectory().resolve(".training")
                .resolve(Long.toString(System.currentTimeMillis())));
        Path target = scratch.resolve("genre-head-my-library.onnx");
        HeadTrainer.Outcome outcome = training.train(active.file(), active.card(), settings, target,
                "Train tab: a new head on stored embeddings, " + folds + " folds by artist", cancellation);
        List<Double> foldScores = outcome.folds().map(f -> f.balancedAccuracies()).orElse(List.of());
        return new HeadRun(new TrainingRecipe.Outcome(target, org.genrelens.inference.ModelCard.read(
                org.genrelens.inference.ModelCard.cardPathFor(target)), outcome.crossValidation(), foldScores,
                List.of(), false, Optional.empty()), training.clips().size() + " tracks with stored embeddings; "
                + training.summary());
    }

    /** A head's training, reported as a training run is, and what it used and left out, in words. */
    public record HeadRun(TrainingRecipe.Outcome outcome, String summary) {
    }

    /**
     * Hyperband over the standard search space around {@code base} on a stratified 80/20 split by clip, within the
     * time budget, as `genrelens tune` runs it.
     */
    public ClipTuning.Outcome tune(List<LabeledClip> datasetClips, TrainingConfig base, Duration budget,
            int maxEpochsPerTrial, HyperbandTuner.TuningProgress progress, Cancellation cancellation) {
        ClipTuning tuning = new ClipTuning(workspace.decoder(), Optional.of(workspace.paths().spectrumCache()),
                spec -> { });
        return tuning.tune(datasetClips, SearchSpace.standard(base), new HyperbandTuner.Budget(maxEpochsPerTrial, 3,
                budget), progress, cancellation);
    }

    private List<LabeledClip> withNotMusic(List<LabeledClip> clips, int perKind) throws IOException {
        if (perKind <= 0) {
            return clips;
        }
        List<LabeledClip> all = new ArrayList<>(clips);
        all.addAll(NonMusicCorpus.forTraining(workspace.paths().notMusicCorpus(), perKind));
        return all;
    }

    private static List<String> labels(List<LabeledClip> clips) {
        return List.copyOf(new TreeSet<>(clips.stream().map(LabeledClip::genre).toList()));
    }

    private static void requireTwoGenres(List<LabeledClip> clips) {
        if (labels(clips).size() < 2) {
            throw new IllegalArgumentException("training needs songs of at least two genres; found "
                    + labels(clips));
        }
    }
}
