package org.genrelens.ui.review;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.genrelens.workspace.review.ReviewItem;

/**
 * The review queue as a table, the selected song's detail, and the four decisions, each one key on the table:
 * A accept, K keep tag, C correct (focuses the genre box; Enter confirms), S skip.
 */
public final class ReviewView extends BorderPane {

    private final TableView<ReviewItem> table = new TableView<>();
    private final ComboBox<String> genre = new ComboBox<>();

    public ReviewView(ReviewViewModel model) {
        setId("review-view");
        table.setId("review-queue");
        table.setItems(model.items());
        Label empty = new Label();
        empty.setId("review-empty");
        empty.setWrapText(true);
        empty.textProperty().bind(model.stateProperty());
        table.setPlaceholder(empty);
        table.getColumns().add(column("Kind", item -> item.kind() == ReviewItem.Kind.DISAGREES ? "Disagrees"
                : "Unsure", 90));
        table.getColumns().add(column("Song", ReviewView::songName, 260));
        table.getColumns().add(column("Tag", item -> item.tags().isEmpty() ? "" : String.join("; ", item.tags()),
                130));
        table.getColumns().add(column("Prediction", ReviewItem::predicted, 130));
        table.getColumns().add(column("Confidence", item -> String.format(Locale.ROOT, "%.0f%%",
                item.confidence() * 100), 90));
        table.getSelectionModel().selectedItemProperty().addListener((o, before, after) -> {
            if (after != null) {
                model.selectedProperty().set(after);
            }
        });
        model.selectedProperty().addListener((o, before, after) -> {
            if (after != table.getSelectionModel().getSelectedItem()) {
                if (after == null) {
                    table.getSelectionModel().clearSelection();
                } else {
                    table.getSelectionModel().select(after);
                    table.scrollTo(after);
                }
            }
        });
        table.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.isShortcutDown() || event.isAltDown()) {
                return;
            }
            Runnable action = switch (event.getCode()) {
                case A -> model::accept;
                case K -> model::keepTag;
                case S -> model::skip;
                default -> null;
            };
            if (action != null) {
                action.run();
                event.consume();
            }
        });
        // on release: moved on the press, focus would take the key's own letter into the genre box
        table.addEventHandler(KeyEvent.KEY_RELEASED, event -> {
            if (event.getCode() == KeyCode.C && !event.isShortcutDown() && !event.isAltDown()) {
                focusCorrection();
                event.consume();
            }
        });
        setCenter(table);
        setRight(side(model));
    }

    private VBox side(ReviewViewModel model) {
        Label state = new Label();
        state.setId("review-state");
        state.setWrapText(true);
        state.textProperty().bind(model.stateProperty());
        // with an empty queue the table's placeholder already says why; once is enough
        state.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.items()));
        state.managedProperty().bind(state.visibleProperty());
        Label detail = new Label();
        detail.setId("review-detail");
        detail.setWrapText(true);
        detail.textProperty().bind(Bindings.createStringBinding(() -> ReviewViewModel.describe(
                model.selectedProperty().get()), model.selectedProperty()));

        genre.setId("review-genre");
        genre.setEditable(true);
        genre.setItems(model.genres());
        genre.setPromptText("Genre (choose or type)");
        genre.getEditor().textProperty().bindBidirectional(model.correctionProperty());
        genre.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                model.correct();
                table.requestFocus();
                event.consume();
            } else if (event.getCode() == KeyCode.ESCAPE) {
                table.requestFocus();
            }
        });

        Button accept = button("Accept (A)", "review-accept", "The audio is right: confirm the predicted genre",
                () -> act(model::accept));
        Button keep = button("Keep tag (K)", "review-keep-tag", "The tag is right: confirm the tag's genre",
                () -> act(model::keepTag));
        Button correct = button("Correct... (C)", "review-correct", "Confirm the genre chosen or typed beside",
                () -> {
                    if (model.correctionProperty().get() == null || model.correctionProperty().get().isBlank()) {
                        focusCorrection();
                    } else {
                        act(model::correct);
                    }
                });
        Button skip = button("Skip (S)", "review-skip", "Decide later; this song is not asked about again",
                () -> act(model::skip));
        for (Button button : new Button[] {accept, keep, correct, skip}) {
            button.disableProperty().bind(model.selectedProperty().isNull());
        }
        Label message = new Label();
        message.setId("review-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        VBox side = new VBox(10, state, detail, new FlowPane(6, 6, accept, keep, skip), new FlowPane(6, 6, genre,
                correct), message);
        side.setPadding(new Insets(10));
        side.setPrefWidth(380);
        return side;
    }

    private void act(Runnable decision) {
        decision.run();
        table.requestFocus();
    }

    private void focusCorrection() {
        genre.requestFocus();
        genre.getEditor().requestFocus();
    }

    private static String songName(ReviewItem item) {
        var tags = item.track().tags();
        return tags.title() != null && !tags.title().isBlank()
                ? (tags.artist() == null || tags.artist().isBlank() ? "" : tags.artist().strip() + " - ")
                        + tags.title().strip()
                : item.track().path().getFileName().toString();
    }

    private static Button button(String text, String id, String tip, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        button.setOnAction(event -> action.run());
        return button;
    }

    private static TableColumn<ReviewItem, String> column(String title, Function<ReviewItem, String> value,
            double width) {
        TableColumn<ReviewItem, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    public TableView<ReviewItem> table() {
        return table;
    }
}
