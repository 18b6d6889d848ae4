package org.genrelens.ui.genres;

import java.io.IOException;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.genrelens.tags.GenreMap;
import org.genrelens.ui.common.ErrorReporter;
import org.genrelens.workspace.Workspace;

/**
 * The genre map editor: the genres with their spellings and parents, one chosen genre, a text field, and the edits
 * the CLI's {@code genrelens genres} offers. Each edit is saved at once (a small file); a refused edit says why and
 * changes nothing. Also the setting that writes parent genres when tagging.
 */
public final class GenreMapViewModel {

    private final Workspace workspace;
    private final ErrorReporter errors;
    private final Runnable vocabularyChanged;
    private final ObservableList<GenreMap.Genre> genres = FXCollections.observableArrayList();
    private final ObjectProperty<GenreMap.Genre> selected = new SimpleObjectProperty<>();
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty writeParents = new SimpleBooleanProperty();

    public GenreMapViewModel(Workspace workspace, ErrorReporter errors, Runnable vocabularyChanged) {
        this.workspace = workspace;
        this.errors = errors;
        this.vocabularyChanged = vocabularyChanged;
        genres.setAll(workspace.genreMap().genres());
        writeParents.set(workspace.settings().writeParentGenres());
        writeParents.addListener((o, before, after) -> saveWriteParents(after));
    }

    public ObservableList<GenreMap.Genre> genres() {
        return genres;
    }

    public ObjectProperty<GenreMap.Genre> selectedProperty() {
        return selected;
    }

    /** The name, spelling or parent the next edit uses. */
    public StringProperty textProperty() {
        return text;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty writeParentsProperty() {
        return writeParents;
    }

    /** One line about a genre: its aliases and parents. */
    public static String describe(GenreMap.Genre genre) {
        return genre.display() + " (" + genre.name() + ")"
                + (genre.aliases().isEmpty() ? "" : "  also: " + String.join(", ", genre.aliases()))
                + (genre.parents().isEmpty() ? "" : "  parents: " + String.join(", ", genre.parents()));
    }

    public void addGenre() {
        String name = text.get().strip();
        edit(map -> map.withGenre(name, name), "Added " + name, name);
    }

    public void addAlias() {
        String alias = text.get().strip();
        withSelected(genre -> edit(map -> map.withAlias(genre, alias), "'" + alias + "' now means " + genre, genre));
    }

    public void setDisplay() {
        String spelling = text.get().strip();
        withSelected(genre -> edit(map -> map.withDisplay(genre, spelling), genre + " is written '" + spelling + "'",
                genre));
    }

    public void addParent() {
        String parent = text.get().strip();
        withSelected(genre -> edit(map -> map.withParent(genre, parent), "Added parent " + parent + " to " + genre,
                genre));
    }

    public void mergeInto() {
        String into = text.get().strip();
        withSelected(genre -> edit(map -> map.merged(genre, into), "Merged " + genre + " into " + into, into));
    }

    public void rename() {
        String newName = text.get().strip();
        withSelected(genre -> edit(map -> map.renamed(genre, newName), "Renamed " + genre + " to " + newName,
                newName));
    }

    public void remove() {
        withSelected(genre -> edit(map -> map.without(genre), "Removed " + genre, null));
    }

    private void withSelected(java.util.function.Consumer<String> action) {
        if (selected.get() == null) {
            message.set("Choose a genre first.");
            return;
        }
        action.accept(selected.get().name());
    }

    private void edit(UnaryOperator<GenreMap> change, String done, String select) {
        GenreMap changed;
        try {
            changed = change.apply(workspace.genreMap());
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        try {
            workspace.saveGenreMap(changed);
        } catch (IOException e) {
            errors.show("Could not save the genre map", e);
            return;
        }
        genres.setAll(changed.genres());
        selected.set(select == null ? null : changed.find(select).orElse(null));
        text.set("");
        message.set(done + ".");
        vocabularyChanged.run();
    }

    private void saveWriteParents(boolean write) {
        try {
            workspace.saveSettings(workspace.settings().withWriteParentGenres(write));
        } catch (IOException e) {
            errors.show("Could not save the settings", e);
        }
    }
}
