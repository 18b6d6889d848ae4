package org.genrelens.ui.train;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.util.converter.NumberStringConverter;
import org.genrelens.features.SpectrogramType;
import org.genrelens.training.cnn.PoolingType;

/**
 * Every field of a {@link RecipeForm}: the spectrogram and the network (locked while fine-tuning, which keeps the
 * model's own), then the training settings.
 */
final class RecipeFormView extends GridPane {

    private int row;

    RecipeFormView(RecipeForm form, ObservableBooleanValue modelFixed) {
        setHgap(8);
        setVgap(6);
        ChoiceBox<SpectrogramType> type = new ChoiceBox<>();
        type.setId("spectrogram-type");
        type.getItems().setAll(SpectrogramType.values());
        type.valueProperty().bindBidirectional(form.spectrogramTypeProperty());
        locked(add("Spectrogram", type), modelFixed);
        locked(add("Bands", spinner("bands", form.bandsProperty(), 16, 256, 16)), modelFixed);
        locked(add("Hop (samples)", spinner("hop-length", form.hopLengthProperty(), 128, 4096, 128)), modelFixed);
        TextField channels = new TextField();
        channels.setId("channels");
        channels.textProperty().bindBidirectional(form.channelsProperty());
        locked(add("Channels per block", channels), modelFixed);
        locked(add("Kernel", spinner("kernel", form.kernelProperty(), 1, 7, 2)), modelFixed);
        CheckBox residual = new CheckBox("Residual blocks");
        residual.setId("residual");
        residual.selectedProperty().bindBidirectional(form.residualProperty());
        locked(add("", residual), modelFixed);
        ChoiceBox<PoolingType> pooling = new ChoiceBox<>();
        pooling.getItems().setAll(PoolingType.values());
        pooling.valueProperty().bindBidirectional(form.poolingProperty());
        locked(add("Pooling", pooling), modelFixed);
        locked(add("Dense width", spinner("dense", form.denseProperty(), 0, 1024, 32)), modelFixed);
        locked(add("Dropout", number("dropout", form.dropoutProperty())), modelFixed);
        locked(add("Statistics coefficients", spinner("statistics", form.statisticsProperty(), 0, 128, 4)),
                modelFixed);
        locked(add("Statistics width", spinner("statistics-width", form.statisticsWidthProperty(), 0, 1024, 32)),
                modelFixed);
        add("Learning rate", number("learning-rate", form.learningRateProperty()));
        add("Weight decay", number("weight-decay", form.weightDecayProperty()));
        add("Epochs (most)", spinner("epochs", form.epochsProperty(), 1, 500, 1));
        TextField augmentation = new TextField();
        augmentation.setId("augmentation");
        augmentation.setPromptText("offsets,masks,lowpass,mixup,gain or none");
        augmentation.textProperty().bindBidirectional(form.augmentationProperty());
        add("Augmentation", augmentation);
    }

    /** Adds a labelled row below the form's own: for the run's settings that are not part of the recipe. */
    void addRow(String label, Node field) {
        add(label, field);
    }

    private Node add(String label, Node field) {
        addRow(row++, new Label(label), field);
        return field;
    }

    private static void locked(Node field, ObservableBooleanValue modelFixed) {
        field.disableProperty().bind(modelFixed);
    }

    private static Spinner<Integer> spinner(String id, IntegerProperty value, int min, int max, int step) {
        Spinner<Integer> spinner = new Spinner<>(min, max, value.get(), step);
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.setPrefWidth(110);
        spinner.getValueFactory().valueProperty().addListener((o, b, a) -> value.set(a));
        value.addListener((o, b, a) -> spinner.getValueFactory().setValue(a.intValue()));
        return spinner;
    }

    private static TextField number(String id, DoubleProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefWidth(110);
        field.textProperty().bindBidirectional(value, new NumberStringConverter("0.######"));
        return field;
    }
}
