package org.genrelens.workspace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.genrelens.audio.AudioDecodeException;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.audio.DecodedAudio;
import org.genrelens.audio.LeadingSamples;
import org.genrelens.features.Spectrogram;
import org.genrelens.features.TileExtractor;
import org.genrelens.inference.ClassifierOptions;
import org.genrelens.inference.GenreClassifier;
import org.genrelens.inference.ModelLoadException;
import org.genrelens.inference.TrackAnalyzer;
import org.genrelens.library.LibraryAnalyzer;
import org.genrelens.library.LibraryDatabase;
import org.genrelens.library.LibraryScanner;
import org.genrelens.library.ScanOptions;
import org.genrelens.library.ScanReport;
import org.genrelens.model.AnalysisMode;
import org.genrelens.tags.GenreMap;
import org.genrelens.tags.GenreMapFile;
import org.genrelens.tags.GenreWriting;
import org.genrelens.tags.TagJournal;
import org.genrelens.tags.TagUndo;
import org.genrelens.tags.WriteReport;
import org.genrelens.task.Cancellation;
import org.genrelens.task.ProgressListener;
import org.genrelens.workspace.review.ReviewDecision;
import org.genrelens.workspace.review.ReviewItem;
import org.genrelens.workspace.review.ReviewQueue;

/**
 * The desktop app's use cases over the core, free of JavaFX: one open library, the settings, and the active model.
 * Every method blocks; the UI calls them off the FX thread. Thread-safe where the app needs it (one background job
 * at a time writes; reads may run beside it).
 */
public final class Workspace implements AutoCloseable {

    /** What a scan followed by analysis did. */
    public record LibraryUpdate(ScanReport scan, LibraryAnalyzer.Report analysis) {
    }

    /**
     * A decoded track with its spectrogram, as the song detail view shows and plays it.
     *
     * @param audio        the part shown: the whole track, or its first {@link #SHOWN_SECONDS}
     * @param spectrogram  that part's spectrogram
     * @param trackSeconds the whole track's length
     * @param shownChannel the spectrogram channel to draw ({@link org.genrelens.features.FeatureSpec#finestChannel})
     */
    public record TrackAudio(DecodedAudio audio, Spectrogram spectrogram, double trackSeconds, int shownChannel) {
        public boolean cut() {
            return trackSeconds > audio.durationSeconds() + 0.01;
        }
    }

    /** How much of a track the song view decodes to play and draw: a long mix stays within memory. */
    public static final int SHOWN_SECONDS = 20 * 60;

    private final AppPaths paths;
    private final LibraryDatabase library;
    private final SettingsStore settingsStore;
    private final InstalledModels models;
    /** Training decodes like the trainer always has; analysis and playback take ffmpeg's faster path when present. */
    private final AudioDecoder decoder = new AudioDecoder();
    private final AudioDecoder analysisDecoder = decoder.preferringFfmpeg();
    private volatile Settings settings;
    private volatile GenreMap genreMap;
    private GenreClassifier classifier;

    private Workspace(AppPaths paths, LibraryDatabase library) {
        this.paths = paths;
        this.library = library;
        this.settingsStore = new SettingsStore(paths.settings());
        this.settings = settingsStore.load();
        this.models = new InstalledModels(paths);
        this.genreMap = readGenreMap(paths.genreMap());
    }

    /** A map file that cannot be read is left as it is (the user fixes it) and the built-in genres are used. */
    private static GenreMap readGenreMap(Path file) {
        try {
            return GenreMapFile.read(file);
        } catch (IOException e) {
            System.getLogger(Workspace.class.getName()).log(System.Logger.Level.WARNING,
                    "the genre map could not be read, the built-in genres are used: " + e.getMessage());
            return GenreMap.defaults();
        }
    }

    /** Opens (creating if needed) the library database and reads the settings; the model opens on first use. */
    public static Workspace open(AppPaths paths) {
        Objects.requireNonNull(paths, "paths");
        return new Workspace(paths, LibraryDatabase.open(paths.database()));
    }

    public AppPaths paths() {
        return paths;
    }

    public LibraryDatabase library() {
        return library;
    }

    public Settings settings() {
        return settings;
    }

    public void saveSettings(Settings changed) throws IOException {
        settingsStore.save(changed);
        settings = changed;
    }

    /** The user's genre vocabulary, applied to scanned tags, grouping, training labels and tag writes. */
    public GenreMap genreMap() {
        return genreMap;
    }

    public void saveGenreMap(GenreMap changed) throws IOException {
        GenreMapFile.write(paths.genreMap(), changed);
        genreMap = changed;
    }

    public InstalledModels models() {
        return models;
    }

    public AudioDecoder decoder() {
        return decoder;
    }

    /** The active model, opened once; a model that cannot be loaded is reported with what to do. */
    public synchronized GenreClassifier classifier() throws ModelLoadException {
        if (classifier == null) {
            InstalledModels.InstalledModel model = models.active(settings).orElseThrow(() -> new ModelLoadException(
                    ModelLoadException.Reason.MODEL_MISSING, paths.modelsDirectory(), "no genre model is installed: the app ships models/genre-cnn.onnx; reinstall it, or train one "
                            + "in the Train tab"));
            classifier = GenreClassifier.open(model.file(), ClassifierOptions.defaults());
        }
        return classifier;
    }

    /** Switches to another installed model and remembers the choice; the library is re-analysed by the caller. */
    public synchronized void useModel(InstalledModels.InstalledModel model) throws IOException, ModelLoadException {
        GenreClassifier opened = GenreClassifier.open(model.file(), ClassifierOptions.defaults());
        if (classifier != null) {
            classifier.close();
        }
        classifier = opened;
        saveSettings(settings.withActiveModel(model.file().toAbsolutePath().toString()));
    }

    /** The library as the active model sees it (its own analyses); with no usable model, the newest ones. */
    public List<LibraryEntry> entries() {
        return LibraryEntry.loadAll(library, activeModelSha256());
    }

    private String activeModelSha256() {
        try {
            return classifier().card().sha256();
        } catch (ModelLoadException e) {
            return null;
        }
    }

    /** Scans the folders (incrementally), then analyses every track the active model has not seen. */
    public LibraryUpdate scanAndAnalyze(List<Path> roots, ProgressListener progress, Cancellation cancellation)
            throws ModelLoadException {
        ScanOptions options = ScanOptions.defaults().withTagsReader(new ExistingTagsFromFiles(genreMap));
        ScanReport scan = new LibraryScanner(library).scan(roots,  options,
                (done, total, message) -> progress.onProgress(done, total, "Scanning: " + message), cancellation);
        return new LibraryUpdate(scan, analyzePending(progress, cancellation));
    }

    /** Analyses what the active model has not analysed yet (all tracks after a model switch), every window. */
    public LibraryAnalyzer.Report analyzePending(ProgressListener progress, Cancellation cancellation)
            throws ModelLoadException {
        return analyzePending(AnalysisMode.FULL, progress, cancellation);
    }

    /** Quick: four windows per track, decoding only those parts where the decoder can seek; full replaces it. */
    public LibraryAnalyzer.Report analyzePending(AnalysisMode mode, ProgressListener progress,
            Cancellation cancellation) throws ModelLoadException {
        GenreClassifier model = classifier();
        String verb = mode == AnalysisMode.QUICK ? "Quick analysis: " : "Analysing: ";
        return new LibraryAnalyzer(library, new TrackAnalyzer(analysisDecoder, model), model.card().sha256(), 0)
                .analyzePending(mode, false, (done, total, message) -> progress.onProgress(done, total,
                        verb + message), cancellation);
    }

    /**
     * Decodes a track, keeping at most its first {@link #SHOWN_SECONDS} for playing and drawing, and computes that
     * part's spectrogram with the active model's FeatureSpec.
     */
    public TrackAudio loadAudio(Path file, Cancellation cancellation) throws AudioDecodeException, ModelLoadException {
        var spec = classifier().featureSpec();
        var streamed = analysisDecoder.stream(file, spec.sampleRate(),
                () -> new LeadingSamples(SHOWN_SECONDS * spec.sampleRate()), cancellation);
        DecodedAudio audio = new DecodedAudio(streamed.sink().samples(), spec.sampleRate(), streamed.source());
        return new TrackAudio(audio, new TileExtractor(spec).spectrogram(audio.samples()), streamed.durationSeconds(),
                spec.finestChannel());
    }

    /** Per-window probabilities stored with an analysis (empty for analyses stored without them). */
    public Optional<float[][]> windowProbabilities(long analysisId) {
        return library.analyses().windowProbabilities(analysisId);
    }

    /** Remembers the user's genre for a track (replacing an earlier correction); it is written by the next tagging. */
    public void correctGenre(long trackId, String genre) {
        if (genre != null && !genre.isBlank()) {
            library.confirmedGenres().replace(trackId, genre.strip());
            return;
        }
        for (var confirmed : library.confirmedGenres().all()) {
            if (confirmed.trackId() == trackId) {
                library.confirmedGenres().withdraw(trackId, confirmed.genre());
            }
        }
    }

    /** The active model's review queue, disagreements counted from the tagging confidence (decision 0021). */
    public List<ReviewItem> reviewItems() {
        return reviewQueue().items(activeModelSha256(), settings.minConfidence());
    }

    /** Stores a review decision as the track's correction (or a skip); returns the genre confirmed. */
    public Optional<String> decide(ReviewItem item, ReviewDecision decision) {
        return reviewQueue().decide(item, decision);
    }

    private ReviewQueue reviewQueue() {
        return new ReviewQueue(library, genreMap);
    }

    /** Tags from the active model's analyses and the user's corrections. */
    public LibraryTagPlanner tagPlanner() {
        return new LibraryTagPlanner(library, activeModelSha256(),
                new GenreWriting(genreMap, settings.writeParentGenres()));
    }

    public List<TagJournal.Batch> tagBatches() {
        return library.tagJournal().batches();
    }

    public WriteReport undo(long batchId, ProgressListener progress, Cancellation cancellation) {
        return new TagUndo(library.tagJournal()).undoBatch(batchId, false, progress, cancellation);
    }

    @Override
    public synchronized void close() {
        if (classifier != null) {
            classifier.close();
            classifier = null;
        }
        library.close();
    }
}
