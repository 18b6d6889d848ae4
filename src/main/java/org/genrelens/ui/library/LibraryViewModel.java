package org.genrelens.ui.library;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.genrelens.tags.GenreMap;
import org.genrelens.workspace.LibraryEntry;

/**
 * The library browser's state: genre groups with counts, the chosen group, the search text, and the rows they
 * leave visible. Genres come first in name order, then uncertain, failed and not analysed.
 */
public final class LibraryViewModel {

    private static final List<String> SPECIAL_GROUPS = List.of(TrackRow.UNCERTAIN, TrackRow.FAILED,
            TrackRow.NOT_ANALYSED);

    private final ObservableList<GenreGroup> groups = FXCollections.observableArrayList();
    private final ObservableList<TrackRow> rows = FXCollections.observableArrayList();
    private final FilteredList<TrackRow> visibleRows = new FilteredList<>(rows, row -> true);
    private final ObjectProperty<GenreGroup> selectedGroup = new SimpleObjectProperty<>();
    private final StringProperty search = new SimpleStringProperty("");

    public LibraryViewModel() {
        selectedGroup.addListener((observable, before, after) -> refilter());
        search.addListener((observable, before, after) -> refilter());
    }

    public ObservableList<GenreGroup> groups() {
        return groups;
    }

    public FilteredList<TrackRow> visibleRows() {
        return visibleRows;
    }

    public ObservableList<TrackRow> allRows() {
        return rows;
    }

    public ObjectProperty<GenreGroup> selectedGroupProperty() {
        return selectedGroup;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Replaces the contents, keeping the chosen group when it still exists. */
    public void show(List<LibraryEntry> entries) {
        show(entries, GenreMap.empty());
    }

    /** Replaces the contents, genres named as the genre map shows them, keeping the chosen group. */
    public void show(List<LibraryEntry> entries, GenreMap genreMap) {
        List<TrackRow> built = new ArrayList<>(entries.size());
        for (LibraryEntry entry : entries) {
            built.add(TrackRow.of(entry, genreMap));
        }
        rows.setAll(built);
        String previous = selectedGroup.get() == null ? GenreGroup.ALL : selectedGroup.get().name();
        groups.setAll(groupsOf(built));
        selectedGroup.set(groups.stream().filter(g -> g.name().equals(previous)).findFirst().orElse(groups.get(0)));
        refilter();
    }

    private static List<GenreGroup> groupsOf(List<TrackRow> rows) {
        Map<String, Integer> genres = new TreeMap<>();
        Map<String, Integer> special = new LinkedHashMap<>();
        SPECIAL_GROUPS.forEach(name -> special.put(name, 0));
        for (TrackRow row : rows) {
            (special.containsKey(row.group()) ? special : genres).merge(row.group(), 1, Integer::sum);
        }
        List<GenreGroup> out = new ArrayList<>();
        out.add(new GenreGroup(GenreGroup.ALL, rows.size()));
        genres.forEach((name, count) -> out.add(new GenreGroup(name, count)));
        special.forEach((name, count) -> {
            if (count > 0) {
                out.add(new GenreGroup(name, count));
            }
        });
        return out;
    }

    private void refilter() {
        GenreGroup group = selectedGroup.get();
        String query = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        boolean all = group == null || GenreGroup.ALL.equals(group.name());
        visibleRows.setPredicate(row -> (all || row.group().equals(group.name())) && row.matches(query));
    }
}
