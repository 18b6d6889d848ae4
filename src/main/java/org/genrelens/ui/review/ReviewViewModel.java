package org.genrelens.ui.review;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.genrelens.tags.GenreMap;
import org.genrelens.ui.common.BackgroundRunner;
import org.genrelens.ui.common.ErrorReporter;
import org.genrelens.workspace.LibraryEntry;
import org.genrelens.workspace.Workspace;
import org.genrelens.workspace.review.ReviewDecision;
import org.genrelens.workspace.review.ReviewItem;

/**
 * The Review tab (decision 0021): the queue of tracks to decide, most instructive first, and one decision at a time
 * on the selected track (accept the prediction, keep the tag, correct, skip). A decision is stored off the FX thread
 * and the selection moves to the next track at once; the queue is read again whenever the library changes (scan,
 * analysis, a decision).
 */
public final class ReviewViewModel {

    static final String NO_ANALYSIS = "No analysed songs yet: add a music folder and let the analysis finish; songs "
            + "to review appear here.";
    static final String NOTHING_TO_REVIEW = "Nothing to review: every analysed song agrees with its genre tag, is "
            + "decided, or is predicted surely.";

    /** What one read of the queue found. */
    private record Snapshot(List<ReviewItem> items, boolean anyAnalysed, List<String> genres) {
    }

    private final Workspace workspace;
    private final BackgroundRunner runner;
    private final ErrorReporter errors;
    private final Runnable libraryChanged;
    private final ObservableList<ReviewItem> items = FXCollections.observableArrayList();
    private final ObservableList<String> genres = FXCollections.observableArrayList();
    private final ObjectProperty<ReviewItem> selected = new SimpleObjectProperty<>();
    private final StringProperty correction = new SimpleStringProperty("");
    private final StringProperty state = new SimpleStringProperty("Reading the library...");
    private final StringProperty message = new SimpleStringProperty("");
    /** Tracks decided whose decision is not stored yet: a read of the queue meanwhile must not bring them back. */
    private final Set<Long> storing = new HashSet<>();
    private boolean anyAnalysed;

    public ReviewViewModel(Workspace workspace, BackgroundRunner runner, ErrorReporter errors,
            Runnable libraryChanged) {
        this.workspace = workspace;
        this.runner = runner;
        this.errors = errors;
        this.libraryChanged = libraryChanged;
    }

    /** Reads the queue again, keeping the selected track selected while it is still to review. */
    public void refresh() {
        runner.load((progress, cancellation) -> new Snapshot(workspace.reviewItems(),
                workspace.entries().stream().anyMatch(LibraryEntry::analysed),
                workspace.genreMap().genres().stream().map(GenreMap.Genre::display).sorted().toList()),
                this::show, error -> errors.show("Could not read the review queue", error));
    }

    private void show(Snapshot snapshot) {
        ReviewItem before = selected.get();
        int index = before == null ? 0 : Math.max(0, items.indexOf(before));
        items.setAll(snapshot.items().stream().filter(item -> !storing.contains(item.trackId())).toList());
        genres.setAll(snapshot.genres());
        anyAnalysed = snapshot.anyAnalysed();
        ReviewItem again = before == null ? null : items.stream()
                .filter(item -> item.trackId() == before.trackId()).findFirst().orElse(null);
        selected.set(again != null ? again : items.isEmpty() ? null : items.get(Math.min(index, items.size() - 1)));
        describeState();
    }

    private void describeState() {
        state.set(items.isEmpty() ? anyAnalysed ? NOTHING_TO_REVIEW : NO_ANALYSIS
                : String.format(Locale.ROOT, "%d song(s) to review, most instructive first. A accepts the "
                        + "prediction, K keeps the tag, C corrects, S skips.", items.size()));
    }

    /** The audio is right: confirm the predicted genre. */
    public void accept() {
        decide(ReviewDecision.accept());
    }

    /** The tag is right: confirm the tag's genre (for a song with a genre tag). */
    public void keepTag() {
        ReviewItem item = selected.get();
        if (item != null && item.tag() == null) {
            message.set(item.track().path().getFileName() + " has no genre tag to keep.");
            return;
        }
        decide(ReviewDecision.keepTag());
    }

    /** Confirms the genre chosen or typed in {@link #correctionProperty()}, read through the genre map. */
    public void correct() {
        String genre = correction.get();
        if (genre == null || genre.isBlank()) {
            message.set("Choose or type the genre first.");
            return;
        }
        decide(ReviewDecision.correct(genre.strip()));
        correction.set("");
    }

    /** Leaves the song undecided; it is not asked about again while its audio stays the same. */
    public void skip() {
        decide(ReviewDecision.skip());
    }

    private void decide(ReviewDecision decision) {
        ReviewItem item = selected.get();
        if (item == null) {
            return;
        }
        int index = items.indexOf(item);
        storing.add(item.trackId());
        items.remove(item);
        selected.set(items.isEmpty() ? null : items.get(Math.min(Math.max(index, 0), items.size() - 1)));
        describeState();
        String name = item.track().path().getFileName().toString();
        runner.load((progress, cancellation) -> workspace.decide(item, decision), genre -> {
            storing.remove(item.trackId());
            message.set(genre.map(g -> name + ": " + g + " confirmed; the next training learns it.")
                    .orElse(name + ": skipped."));
            libraryChanged.run();
        }, error -> {
            storing.remove(item.trackId());
            errors.show("Could not store the decision for " + name, error);
            refresh();
        });
    }

    public ObservableList<ReviewItem> items() {
        return items;
    }

    /** Display spellings of the genre map's genres, for the correction's choices. */
    public ObservableList<String> genres() {
        return genres;
    }

    public ObjectProperty<ReviewItem> selectedProperty() {
        return selected;
    }

    public StringProperty correctionProperty() {
        return correction;
    }

    /** What the queue holds, or why it is empty. */
    public StringProperty stateProperty() {
        return state;
    }

    /** What the last decision stored. */
    public StringProperty messageProperty() {
        return message;
    }

    /** The selected song, in words, for the detail beside the table. */
    static String describe(ReviewItem item) {
        if (item == null) {
            return "";
        }
        var tags = item.track().tags();
        StringBuilder text = new StringBuilder();
        text.append(item.track().path()).append('\n');
        if (tags.artist() != null || tags.title() != null) {
            text.append(tags.artist() == null ? "?" : tags.artist()).append(" - ")
                    .append(tags.title() == null ? "?" : tags.title()).append('\n');
        }
        text.append("Genre tags: ").append(item.tags().isEmpty() ? "none" : String.join("; ", item.tags()))
                .append('\n');
        text.append(String.format(Locale.ROOT, "Predicted: %s %.0f%%", item.predicted(), item.confidence() * 100));
        if (!item.runnerUp().isEmpty()) {
            text.append(String.format(Locale.ROOT, ", then %s %.0f%%", item.runnerUp(),
                    item.runnerUpProbability() * 100));
        }
        text.append('\n').append(item.kind() == ReviewItem.Kind.DISAGREES
                ? "The audio sounds like " + item.predicted() + ", not " + item.tag() + ": which is right?"
                : "The model hesitates; your answer teaches it most here.");
        text.append(String.format(Locale.ROOT, "%nScore: %.2f", item.score()));
        return text.toString();
    }
}
