package org.genrelens.ui.library;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.layout.HBox;

/** A confidence as a small bar and a percentage; empty before analysis. */
final class ConfidenceCell extends TableCell<TrackRow, Number> {

    private final ProgressBar bar = new ProgressBar();
    private final Label percent = new Label();
    private final HBox box = new HBox(6, bar, percent);

    ConfidenceCell() {
        bar.setPrefWidth(56);
        percent.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        bar.getStyleClass().add("small");
        box.setAlignment(Pos.CENTER_LEFT);
    }

    @Override
    protected void updateItem(Number value, boolean empty) {
        super.updateItem(value, empty);
        if (empty || value == null || value.doubleValue() < 0) {
            setGraphic(null);
            return;
        }
        bar.setProgress(value.doubleValue());
        percent.setText(String.format("%.0f %%", value.doubleValue() * 100));
        setGraphic(box);
    }
}
