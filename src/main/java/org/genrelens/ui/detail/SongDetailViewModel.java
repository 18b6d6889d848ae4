package org.genrelens.ui.detail;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.genrelens.ui.common.BackgroundRunner;
import org.genrelens.ui.common.ErrorReporter;
import org.genrelens.ui.library.TrackRow;
import org.genrelens.workspace.Workspace;

/**
 * The song detail: the track's spectrogram with the model's FeatureSpec, the per-window genre timeline, averaged
 * confidence bars, the existing tag beside the prediction, a hand correction, and playback with a cursor.
 */
public final class SongDetailViewModel {

    /** The genre of one window, for the timeline under the spectrogram. */
    public record WindowGenre(double startSeconds, double endSeconds, String genre, double probability) {
    }

    private final Workspace workspace;
    private final BackgroundRunner runner;
    private final ErrorReporter errors;
    private final AudioPlayer player;
    private final Consumer<TrackRow> onCorrected;

    private final ObjectProperty<TrackRow> track = new SimpleObjectProperty<>();
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty subtitle = new SimpleStringProperty("");
    private final StringProperty tagComparison = new SimpleStringProperty("");
    private final StringProperty loadState = new SimpleStringProperty("Choose a song to see why it got its genre.");
    private final ObjectProperty<SpectrogramPixels> spectrogram = new SimpleObjectProperty<>();
    private final ObservableList<GenreBar> bars = FXCollections.observableArrayList();
    private final ObservableList<WindowGenre> timeline = FXCollections.observableArrayList();
    private final ObservableList<String> labels = FXCollections.observableArrayList();
    private final DoubleProperty durationSeconds = new SimpleDoubleProperty(0);
    private final DoubleProperty positionSeconds = new SimpleDoubleProperty(0);
    private final BooleanProperty playing = new SimpleBooleanProperty(false);
    private final StringProperty playbackProblem = new SimpleStringProperty("");
    private Workspace.TrackAudio audio;
    private long loadGeneration;

    public SongDetailViewModel(Workspace workspace, BackgroundRunner runner, ErrorReporter errors, AudioPlayer player,
            Consumer<TrackRow> onCorrected) {
        this.workspace = workspace;
        this.runner = runner;
        this.errors = errors;
        this.player = player;
        this.onCorrected = onCorrected;
    }

    public void show(TrackRow row) {
        stop();
        track.set(row);
        audio = null;
        spectrogram.set(null);
        bars.clear();
        timeline.clear();
        positionSeconds.set(0);
        playbackProblem.set("");
        if (row == null) {
            title.set("");
            subtitle.set("");
            tagComparison.set("");
            loadState.set("Choose a song to see why it got its genre.");
            return;
        }
        title.set(row.title());
        subtitle.set(String.join("  ·  ", nonBlank(row.artist(), row.album(), row.durationText())));
        tagComparison.set(comparison(row));
        var entry = row.entry();
        if (entry.analysed()) {
            // the model's labels as the genre map shows and writes them ("hiphop" as "Hip-Hop")
            List<String> names = entry.analysis().labels().stream().map(workspace.genreMap()::display).toList();
            labels.setAll(names);
            float[] probabilities = entry.analysis().probabilities();
            List<GenreBar> sorted = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                sorted.add(new GenreBar(names.get(i), probabilities[i]));
            }
            sorted.sort((a, b) -> Double.compare(b.probability(), a.probability()));
            bars.setAll(sorted);
        }
        if (row.status().equals(TrackRow.FAILED)) {
            loadState.set("This file could not be analysed: " + row.failureReason());
            return;
        }
        loadState.set("Decoding and drawing the spectrogram...");
        long generation = ++loadGeneration;
        runner.load((progress, cancellation) -> {
            Workspace.TrackAudio loaded = workspace.loadAudio(row.path(), cancellation);
            SpectrogramPixels pixels = SpectrogramPixels.render(loaded.spectrogram(), loaded.shownChannel());
            List<WindowGenre> windows = entry.analysed() ? windows(entry.analysis().id(), entry.analysis().labels(),
                    loaded) : List.of();
            return new Loaded(loaded, pixels, windows);
        }, loaded -> {
            if (generation != loadGeneration) {
                return;
            }
            audio = loaded.audio();
            durationSeconds.set(loaded.audio().audio().durationSeconds());
            spectrogram.set(loaded.pixels());
            timeline.setAll(loaded.windows());
            loadState.set(loaded.audio().cut() ? "Showing the first " + clock(loaded.audio().audio().durationSeconds())
                    + " of " + clock(loaded.audio().trackSeconds()) + "; the genre above comes from the whole track."
                    : "");
        }, error -> {
            if (generation == loadGeneration) {
                loadState.set("Could not show this song: " + ErrorReporter.readable(error));
            }
        });
    }

    private record Loaded(Workspace.TrackAudio audio, SpectrogramPixels pixels, List<WindowGenre> windows) {
    }

    private List<WindowGenre> windows(long analysisId, List<String> names, Workspace.TrackAudio loaded) {
        float[][] perWindow = workspace.windowProbabilities(analysisId).orElse(new float[0][]);
        double hop = hopSeconds();
        double window = windowSeconds();
        List<WindowGenre> out = new ArrayList<>();
        double shown = loaded.audio().durationSeconds();
        for (int w = 0; w < perWindow.length && w * hop < shown; w++) {
            int best = 0;
            for (int i = 1; i < perWindow[w].length; i++) {
                if (perWindow[w][i] > perWindow[w][best]) {
                    best = i;
                }
            }
            double start = w * hop;
            out.add(new WindowGenre(start, start + window, names.get(best), perWindow[w][best]));
        }
        return out;
    }

    private double hopSeconds() {
        try {
            return workspace.classifier().featureSpec().windowHopSeconds();
        } catch (Exception e) {
            return 2.5;
        }
    }

    private double windowSeconds() {
        try {
            return workspace.classifier().featureSpec().windowSeconds();
        } catch (Exception e) {
            return 5.0;
        }
    }

    /** Plays from the cursor, or pauses. */
    public void togglePlayback() {
        if (playing.get()) {
            stop();
            return;
        }
        if (audio == null) {
            return;
        }
        double from = positionSeconds.get() >= durationSeconds.get() - 0.05 ? 0 : positionSeconds.get();
        playing.set(true);
        playbackProblem.set("");
        var samples = audio.audio();
        player.play(samples.samples(), samples.sampleRate(), from, new AudioPlayer.Listener() {
            @Override
            public void position(double seconds) {
                runner.ui().execute(() -> positionSeconds.set(seconds));
            }

            @Override
            public void finished() {
                runner.ui().execute(() -> playing.set(false));
            }

            @Override
            public void failed(Exception error) {
                runner.ui().execute(() -> {
                    playing.set(false);
                    playbackProblem.set("Cannot play: " + ErrorReporter.readable(error));
                });
            }
        });
    }

    /** Moves the cursor (a click on the spectrogram). */
    public void seek(double seconds) {
        boolean wasPlaying = playing.get();
        stop();
        positionSeconds.set(Math.max(0, Math.min(durationSeconds.get(), seconds)));
        if (wasPlaying) {
            togglePlayback();
        }
    }

    public void stop() {
        player.stop();
        playing.set(false);
    }

    /** Stores the user's genre for this track; it is written as a tag by the next tagging run. */
    public void correct(String genre) {
        TrackRow row = track.get();
        if (row == null) {
            return;
        }
        runner.run("Saving correction", (progress, cancellation) -> {
            workspace.correctGenre(row.trackId(), genre);
            return genre;
        }, saved -> onCorrected.accept(row), error -> errors.show("Could not save the correction", error));
    }

    private static String comparison(TrackRow row) {
        String tag = row.existingTag().isEmpty() ? "no genre tag" : "tag \"" + row.existingTag() + "\"";
        String prediction = row.status().equals(TrackRow.FAILED) ? "could not be analysed"
                : row.predicted().isEmpty() ? "not analysed yet"
                : String.format("predicted %s (%.0f %%)%s", row.predicted(), row.confidence() * 100,
                        row.status().equals(TrackRow.UNCERTAIN) ? ", uncertain" : "");
        String corrected = row.correctedGenre().isEmpty() ? "" : "  ·  your choice: " + row.correctedGenre();
        return "In the file: " + tag + "  ·  " + prediction + corrected;
    }

    private static List<String> nonBlank(String... parts) {
        List<String> out = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                out.add(part);
            }
        }
        return out;
    }

    public ObjectProperty<TrackRow> trackProperty() { return track; }
    public StringProperty titleProperty() { return title; }
    public StringProperty subtitleProperty() { return subtitle; }
    public StringProperty tagComparisonProperty() { return tagComparison; }
    public StringProperty loadStateProperty() { return loadState; }
    public ObjectProperty<SpectrogramPixels> spectrogramProperty() { return spectrogram; }
    public ObservableList<GenreBar> bars() { return bars; }
    public ObservableList<WindowGenre> timeline() { return timeline; }
    public ObservableList<String> labels() { return labels; }
    public DoubleProperty durationSecondsProperty() { return durationSeconds; }
    public DoubleProperty positionSecondsProperty() { return positionSeconds; }
    public BooleanProperty playingProperty() { return playing; }
    public StringProperty playbackProblemProperty() { return playbackProblem; }

    /** m:ss, or h:mm:ss from an hour on. */
    static String clock(double seconds) {
        long whole = Math.max(0, (long) seconds);
        return whole >= 3600 ? String.format("%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
                : String.format("%d:%02d", whole / 60, whole % 60);
    }
}
