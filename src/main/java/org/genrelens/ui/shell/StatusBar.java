package org.genrelens.ui.shell;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.genrelens.ui.common.ActivityViewModel;
import org.genrelens.ui.common.Icons;

/** Active model and its metrics, execution provider, library size, and the background task with Cancel. */
final class StatusBar extends HBox {

    static final double MODEL_MIN_WIDTH = 160;

    StatusBar(MainViewModel main, ActivityViewModel activity) {
        super(10);
        setId("status-bar");
        getStyleClass().add("status-bar");
        setPadding(new Insets(4, 10, 4, 10));
        setAlignment(Pos.CENTER_LEFT);
        Label model = new Label();
        model.setId("status-model");
        model.textProperty().bind(main.modelTextProperty());
        Label provider = new Label();
        provider.setId("status-provider");
        provider.textProperty().bind(main.providerTextProperty().map(p -> p.isEmpty() ? "" : "runs on " + p));
        Label library = new Label();
        library.textProperty().bind(main.libraryTextProperty());
        for (Label fixed : new Label[] {provider, library}) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        // the model's line (name, score and protocol) is long: while a task runs it gives way to the task's message
        // rather than cutting that to "Compu...", and its tooltip keeps the whole line; when idle it is shown whole
        model.minWidthProperty().bind(Bindings.when(activity.runningProperty()).then(MODEL_MIN_WIDTH)
                .otherwise(Region.USE_PREF_SIZE));
        HBox.setHgrow(model, Priority.SOMETIMES);
        javafx.scene.control.Tooltip fullModel = new javafx.scene.control.Tooltip();
        fullModel.textProperty().bind(model.textProperty());
        model.setTooltip(fullModel);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label task = new Label();
        task.setId("status-task");
        task.textProperty().bind(activity.messageProperty());
        javafx.scene.control.Tooltip fullMessage = new javafx.scene.control.Tooltip();
        fullMessage.textProperty().bind(activity.messageProperty()); // the label is cut when the bar is full
        task.setTooltip(fullMessage);
        ProgressBar progress = new ProgressBar();
        progress.setId("status-progress");
        progress.setPrefWidth(160);
        progress.progressProperty().bind(activity.progressProperty());
        progress.visibleProperty().bind(activity.runningProperty());
        Button cancel = new Button("Cancel", Icons.icon(Icons.CANCEL));
        cancel.setId("cancel-task");
        cancel.visibleProperty().bind(activity.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(event -> activity.cancel());
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        task.minWidthProperty().bind(Bindings.when(activity.runningProperty()).then(Region.USE_PREF_SIZE).otherwise(0.0));
        progress.managedProperty().bind(Bindings.createBooleanBinding(progress::isVisible, progress.visibleProperty()));
        getChildren().addAll(model, new Separator(javafx.geometry.Orientation.VERTICAL), provider,
                new Separator(javafx.geometry.Orientation.VERTICAL), library, spacer, task, progress, cancel);
    }
}
