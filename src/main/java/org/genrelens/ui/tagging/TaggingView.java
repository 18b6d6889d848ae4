package org.genrelens.ui.tagging;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.geometry.Orientation;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.genrelens.tags.TagJournal;
import org.genrelens.tags.TagPolicy;
import org.genrelens.ui.common.Icons;

/** The tagging tab: policy and threshold, the dry-run list, Write, and the undoable history. */
public final class TaggingView extends SplitPane {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    public TaggingView(TaggingViewModel model) {
        setOrientation(Orientation.VERTICAL);

        ChoiceBox<TagPolicy.Mode> policy = new ChoiceBox<>();
        policy.setId("policy");
        policy.getItems().setAll(TagPolicy.Mode.values());
        policy.setConverter(new StringConverter<>() {
            @Override
            public String toString(TagPolicy.Mode mode) {
                return mode == null ? "" : switch (mode) {
                    case EMPTY -> "Only songs without a genre";
                    case OVERWRITE -> "Replace existing genres";
                    case APPEND -> "Add as another genre";
                };
            }

            @Override
            public TagPolicy.Mode fromString(String text) {
                return TagPolicy.Mode.parse(text);
            }
        });
        policy.valueProperty().bindBidirectional(model.policyProperty());
        Slider threshold = new Slider(0, 1, 0.5);
        threshold.setId("min-confidence");
        threshold.setPrefWidth(180);
        threshold.valueProperty().bindBidirectional(model.minConfidenceProperty());
        Label thresholdText = new Label();
        thresholdText.textProperty().bind(threshold.valueProperty().multiply(100).asString("at least %.0f %% confident"));
        CheckBox onlySelected = new CheckBox("Only the songs selected in the library");
        onlySelected.selectedProperty().bindBidirectional(model.onlySelectedProperty());
        Button review = new Button("Review changes", Icons.icon(Icons.EYE));
        review.setId("review-tags");
        review.setOnAction(event -> model.review());
        Button write = new Button("Write tags", Icons.icon(Icons.TAG));
        write.setId("write-tags");
        write.getStyleClass().add("accent");
        write.disableProperty().bind(model.canApplyProperty().not());
        write.setOnAction(event -> model.apply());
        HBox choices = new HBox(10, new Label("Write"), policy, new Label("when the model is"), threshold,
                thresholdText);
        choices.setAlignment(Pos.CENTER_LEFT);
        HBox actions = new HBox(10, onlySelected, review, write);
        actions.setAlignment(Pos.CENTER_LEFT);
        for (var node : List.of(choices, actions)) {
            node.getChildren().forEach(child -> {
                if (child instanceof javafx.scene.control.Control control) {
                    control.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                }
            });
        }
        VBox controls = new VBox(8, choices, actions);
        Label summary = new Label();
        summary.setId("tag-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        Label note = new Label("Uncertain and not-music songs are never tagged. Every write is journaled first and "
                + "can be undone below.");
        note.getStyleClass().add("text-muted");

        TableView<PlannedChange> changes = new TableView<>(model.changes());
        changes.setId("planned-changes");
        changes.setPlaceholder(new Label("Nothing planned yet: press Review changes."));
        changes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        changes.getColumns().add(column("File", c -> c.file().toString(), 520));
        changes.getColumns().add(column("Field", PlannedChange::field, 70));
        changes.getColumns().add(column("Now", PlannedChange::before, 150));
        changes.getColumns().add(column("After", PlannedChange::after, 150));
        VBox top = new VBox(8, controls, note, summary, changes);
        VBox.setVgrow(changes, Priority.ALWAYS);
        top.setPadding(new Insets(10));

        TableView<TagJournal.Batch> history = new TableView<>(model.history());
        history.setId("history");
        history.setPlaceholder(new Label("No tags written yet."));
        history.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        history.getColumns().add(batchColumn("Batch", b -> Long.toString(b.id()), 60));
        history.getColumns().add(batchColumn("Time", b -> TIME.format(b.started()), 150));
        history.getColumns().add(batchColumn("What", TagJournal.Batch::description, 300));
        history.getColumns().add(batchColumn("Files", b -> Integer.toString(b.entries()), 60));
        history.getColumns().add(batchColumn("Written", b -> Integer.toString(b.applied()), 70));
        history.getColumns().add(batchColumn("Undone", b -> Integer.toString(b.undone()), 70));
        Button undo = new Button("Undo batch", Icons.icon(Icons.UNDO));
        undo.setId("undo-batch");
        undo.disableProperty().bind(history.getSelectionModel().selectedItemProperty().isNull());
        undo.setOnAction(event -> model.undo(history.getSelectionModel().getSelectedItem()));
        Label historyTitle = new Label("History");
        historyTitle.getStyleClass().add("title-4");
        HBox historyBar = new HBox(10, historyTitle, undo);
        historyBar.setAlignment(Pos.CENTER_LEFT);
        VBox bottom = new VBox(8, historyBar, history);
        VBox.setVgrow(history, Priority.ALWAYS);
        bottom.setPadding(new Insets(10));

        getItems().addAll(top, bottom);
        setDividerPositions(0.62);
    }

    private static TableColumn<PlannedChange, String> column(String title, Function<PlannedChange, String> value,
            double width) {
        TableColumn<PlannedChange, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private static TableColumn<TagJournal.Batch, String> batchColumn(String title,
            Function<TagJournal.Batch, String> value, double width) {
        TableColumn<TagJournal.Batch, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
