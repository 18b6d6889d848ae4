package org.genrelens.ui.library;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.genrelens.ui.common.Icons;

/** Genre list with counts, searchable and sortable track table, and the song detail beside them. */
public final class LibraryView extends SplitPane {

    private final ListView<GenreGroup> genreList = new ListView<>();
    private final TableView<TrackRow> table = new TableView<>();
    private final TextField search = new TextField();
    /** The songs the user chose last, by track id: a reload replaces every row, and they are chosen again. */
    private java.util.Set<Long> chosen = java.util.Set.of();
    private boolean restoring;

    public LibraryView(LibraryViewModel model, javafx.scene.Node detail) {
        genreList.setId("genre-list");
        genreList.setItems(model.groups());
        genreList.setMinWidth(150);
        genreList.getSelectionModel().selectedItemProperty().addListener((o, before, after) -> {
            if (after != null) {
                model.selectedGroupProperty().set(after);
            }
        });
        model.selectedGroupProperty().addListener((o, before, after) -> {
            if (after != null && after != genreList.getSelectionModel().getSelectedItem()) {
                genreList.getSelectionModel().select(after);
            }
        });

        search.setId("search");
        search.setPromptText("Search title, artist, album, genre, path  (Ctrl+F)");
        search.textProperty().bindBidirectional(model.searchProperty());
        HBox searchBar = new HBox(6, Icons.icon(Icons.SEARCH), search);
        searchBar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(search, Priority.ALWAYS);

        table.setId("tracks");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No songs here. Add a music folder, or clear the search."));
        table.getColumns().add(text("Title", TrackRow::title, 190));
        table.getColumns().add(text("Artist", TrackRow::artist, 110));
        table.getColumns().add(text("Album", TrackRow::album, 110));
        TableColumn<TrackRow, Number> duration = new TableColumn<>("Length");
        duration.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().durationSeconds()));
        duration.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Number value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty || getTableRow() == null || getTableRow().getItem() == null ? null
                        : getTableRow().getItem().durationText());
            }
        });
        duration.setPrefWidth(55);
        duration.setMinWidth(82);
        table.getColumns().add(duration);
        table.getColumns().add(fixed(text("Predicted", TrackRow::predicted, 100), 100));
        TableColumn<TrackRow, Number> confidence = new TableColumn<>("Confidence");
        confidence.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().confidence()));
        confidence.setCellFactory(c -> new ConfidenceCell());
        confidence.setPrefWidth(120);
        confidence.setMinWidth(110);
        table.getColumns().add(confidence);
        // status beside the confidence, so "uncertain" and "failed" show without scrolling sideways
        table.getColumns().add(fixed(text("Status", TrackRow::status, 90), 85));
        table.getColumns().add(text("Tag in file", TrackRow::existingTag, 90));
        // every column fits the pane, so the status is never scrolled out of sight; each can still be resized
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(TrackRow row, boolean empty) {
                super.updateItem(row, empty);
                setTooltip(empty || row == null ? null : new Tooltip(row.failureReason().isEmpty()
                        ? row.path().toString() : row.path() + "\n" + row.failureReason()));
            }
        });
        SortedList<TrackRow> sorted = new SortedList<>(model.visibleRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<TrackRow>) change -> {
            if (!restoring && !table.getSelectionModel().getSelectedItems().isEmpty()) {
                chosen = table.getSelectionModel().getSelectedItems().stream().map(TrackRow::trackId)
                        .collect(java.util.stream.Collectors.toUnmodifiableSet());
            }
        });
        // after an analysis, a correction or a tag write the rows are new: keep the same songs selected
        sorted.addListener((ListChangeListener<TrackRow>) change -> restoreSelection());

        VBox center = new VBox(6, searchBar, table);
        center.setPadding(new Insets(6));
        VBox.setVgrow(table, Priority.ALWAYS);
        getItems().addAll(genreList, center, detail);
        setDividerPositions(0.12, 0.68);
    }

    private void restoreSelection() {
        if (!table.getSelectionModel().getSelectedItems().isEmpty() || chosen.isEmpty()) {
            return;
        }
        restoring = true;
        try {
            for (int i = 0; i < table.getItems().size(); i++) {
                if (chosen.contains(table.getItems().get(i).trackId())) {
                    table.getSelectionModel().select(i);
                }
            }
        } finally {
            restoring = false;
        }
    }

    public TableView<TrackRow> table() {
        return table;
    }

    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    /** A column the fitting policy never squeezes below {@code min}: its words stay readable, the names give way. */
    private static TableColumn<TrackRow, String> fixed(TableColumn<TrackRow, String> column, double min) {
        column.setMinWidth(min);
        return column;
    }

    private static TableColumn<TrackRow, String> text(String title, Function<TrackRow, String> value, double width) {
        TableColumn<TrackRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
