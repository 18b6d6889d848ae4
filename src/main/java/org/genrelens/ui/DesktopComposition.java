package org.genrelens.ui;

import java.util.List;
import java.util.function.Supplier;
import org.genrelens.ui.common.BackgroundRunner;
import org.genrelens.ui.common.ErrorReporter;
import org.genrelens.ui.detail.AudioPlayer;
import org.genrelens.ui.detail.PlaybackOutput;
import org.genrelens.ui.detail.SongDetailViewModel;
import org.genrelens.ui.genres.GenreMapViewModel;
import org.genrelens.ui.library.TrackRow;
import org.genrelens.ui.review.ReviewViewModel;
import org.genrelens.ui.shell.MainViewModel;
import org.genrelens.ui.shell.MainWindow;
import org.genrelens.ui.tagging.TaggingViewModel;
import org.genrelens.ui.train.TrainViewModel;
import org.genrelens.workspace.Workspace;

/** Wires the view models and the main window over one workspace; the app and the TestFX tests both use it. */
public final class DesktopComposition {

    private final MainViewModel main;
    private final SongDetailViewModel detail;
    private final TaggingViewModel tagging;
    private final TrainViewModel train;
    private final GenreMapViewModel genres;
    private final ReviewViewModel review;
    private MainWindow window;

    public DesktopComposition(Workspace workspace, BackgroundRunner runner, ErrorReporter errors,
            Supplier<PlaybackOutput> sound) {
        main = new MainViewModel(workspace, runner, errors);
        detail = new SongDetailViewModel(workspace, runner, errors, new AudioPlayer(sound),
                corrected -> main.reloadLibrary());
        tagging = new TaggingViewModel(workspace, runner, errors, this::selectedTrackIds, main::reloadLibrary);
        train = new TrainViewModel(workspace, runner, errors, () -> {
            main.describeModel();
            main.analyse();
        });
        genres = new GenreMapViewModel(workspace, errors, main::reloadLibrary);
        review = new ReviewViewModel(workspace, runner, errors, main::reloadLibrary);
        // every reload of the library (scan, analysis, corrections, a review decision) reads the queue again
        main.onLibraryChanged(review::refresh);
    }

    /** Builds the window (on the FX thread). */
    public MainWindow window() {
        if (window == null) {
            window = new MainWindow(main, detail, tagging, train, genres, review);
        }
        return window;
    }

    private List<Long> selectedTrackIds() {
        if (window == null) {
            return List.of();
        }
        return window.libraryView().table().getSelectionModel().getSelectedItems().stream()
                .map(TrackRow::trackId).toList();
    }

    public MainViewModel main() {
        return main;
    }

    public SongDetailViewModel detail() {
        return detail;
    }

    public TaggingViewModel tagging() {
        return tagging;
    }

    public TrainViewModel train() {
        return train;
    }

    public GenreMapViewModel genres() {
        return genres;
    }

    public ReviewViewModel review() {
        return review;
    }
}
