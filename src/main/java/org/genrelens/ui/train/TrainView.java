package org.genrelens.ui.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.converter.NumberStringConverter;
import org.genrelens.features.SpectrogramType;
import org.genrelens.training.cnn.EpochReport;
import org.genrelens.ui.common.Icons;
import org.genrelens.workspace.InstalledModels;

/** The Train tab: dataset and settings on the left; live curves, evaluation and models on the right. */
public final class TrainView extends SplitPane {

    private final LineChart<Number, Number> lossChart = chart("Loss");
    private final LineChart<Number, Number> accuracyChart = chart("Accuracy");

    public TrainView(TrainViewModel model) {
        ChoiceBox<TrainViewModel.Source> source = new ChoiceBox<>();
        source.getItems().setAll(TrainViewModel.Source.values());
        source.valueProperty().bindBidirectional(model.sourceProperty());
        TextField folder = new TextField();
        folder.setId("dataset-folder");
        folder.setPromptText("e.g. ~/datasets/gtzan/genres");
        folder.textProperty().bindBidirectional(model.folderProperty());
        folder.disableProperty().bind(model.sourceProperty().isEqualTo(TrainViewModel.Source.LIBRARY));
        Button browse = new Button("Browse...");
        browse.disableProperty().bind(folder.disableProperty());
        browse.setOnAction(event -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Choose a GTZAN or folder-per-genre dataset");
            var chosen = chooser.showDialog(getScene().getWindow());
            if (chosen != null) {
                model.folderProperty().set(chosen.getAbsolutePath());
            }
        });
        Button load = new Button("Load dataset");
        load.setId("load-dataset");
        load.setOnAction(event -> model.loadDataset());
        HBox folderRow = new HBox(6, folder, browse);
        Spinner<Integer> minTracks = intSpinner(1, 10_000, model.minTracksProperty().get(), 1);
        minTracks.setId("min-tracks");
        minTracks.getValueFactory().valueProperty().addListener((o, b, a) -> model.minTracksProperty().set(a));
        HBox minTracksRow = new HBox(6, new Label("Learn genres with at least"), minTracks, new Label("tracks"));
        minTracksRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        minTracksRow.disableProperty().bind(model.sourceProperty().isNotEqualTo(TrainViewModel.Source.LIBRARY));
        HBox.setHgrow(folder, Priority.ALWAYS);

        ListView<GenreChoice> genres = new ListView<>(model.genres());
        genres.setId("train-genres");
        genres.setPrefHeight(170);
        genres.setCellFactory(CheckBoxListCell.forListView(GenreChoice::includedProperty));
        genres.setPlaceholder(new Label("Load a dataset to choose genres"));

        Spinner<Integer> folds = intSpinner(0, 10, model.foldsProperty().get(), 1);
        folds.setId("folds");
        folds.getValueFactory().valueProperty().addListener((o, b, a) -> model.foldsProperty().set(a));
        CheckBox notMusic = new CheckBox("Add a not-music class (generated speech, noise, tones)");
        notMusic.selectedProperty().bindBidirectional(model.notMusicProperty());
        Label notice = new Label();
        notice.setId("train-notice");
        notice.setWrapText(true);
        notice.textProperty().bind(model.noticeProperty());
        notice.managedProperty().bind(notice.visibleProperty());
        notice.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        Spinner<Integer> minutes = intSpinner(1, 600, model.tuneMinutesProperty().get(), 1);
        minutes.getValueFactory().valueProperty().addListener((o, b, a) -> model.tuneMinutesProperty().set(a));

        ChoiceBox<TrainViewModel.Start> start = new ChoiceBox<>();
        start.setId("train-start");
        start.getItems().setAll(TrainViewModel.Start.values());
        start.valueProperty().bindBidirectional(model.startProperty());
        RecipeFormView settings = new RecipeFormView(model.form(),
                model.startProperty().isEqualTo(TrainViewModel.Start.FINE_TUNE));
        settings.addRow("Cross-validation folds", folds);
        settings.addRow("Tuning budget (minutes)", minutes);

        Button train = new Button("Train", Icons.icon(Icons.TRAIN));
        train.setId("train");
        train.getStyleClass().add("accent");
        train.disableProperty().bind(model.runningProperty());
        train.setOnAction(event -> model.train());
        Button tune = new Button("Tune");
        tune.setId("tune");
        tune.setTooltip(new javafx.scene.control.Tooltip("Within the tuning budget: first the spectrogram and "
                + "statistics size, each scored as its network starts, then Hyperband over the network; the winner "
                + "goes into the form"));
        tune.disableProperty().bind(model.runningProperty());
        tune.setOnAction(event -> model.tune());
        Button cancel = new Button("Cancel", Icons.icon(Icons.CANCEL));
        cancel.setId("cancel-training");
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(event -> model.cancel());
        HBox actions = new HBox(8, train, tune, cancel);

        VBox form = new VBox(8, heading("Dataset"), source, folderRow, minTracksRow, load, genres, heading("Settings"), start, settings,
                notMusic, notice);
        form.setPadding(new Insets(10));
        ScrollPane formScroll = new ScrollPane(form);
        formScroll.setFitToWidth(true);
        // the actions stay in sight however far the form is scrolled
        actions.setPadding(new Insets(8, 10, 10, 10));
        VBox left = new VBox(formScroll, actions);
        VBox.setVgrow(formScroll, Priority.ALWAYS);

        lossChart.setId("loss-chart");
        NumberAxis accuracyAxis = (NumberAxis) accuracyChart.getYAxis();
        accuracyAxis.setAutoRanging(false);
        accuracyAxis.setLowerBound(0);
        accuracyAxis.setUpperBound(1);
        accuracyAxis.setTickUnit(0.2);
        // an empty auto-ranging axis reads 0 to 125: a loss no run has; it follows the run once there is one
        NumberAxis lossAxis = (NumberAxis) lossChart.getYAxis();
        lossAxis.setAutoRanging(false);
        lossAxis.setLowerBound(0);
        lossAxis.setUpperBound(1);
        lossAxis.setTickUnit(0.25);
        model.curve().addListener((javafx.collections.ListChangeListener<EpochReport>) change -> plot(model));
        Label stage = new Label();
        stage.setId("train-stage");
        stage.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> model.lastEpochProperty().get().isEmpty() ? model.stageProperty().get()
                        : model.stageProperty().get() + ": " + model.lastEpochProperty().get(),
                model.stageProperty(), model.lastEpochProperty()));
        Label result = new Label();
        result.setId("train-result");
        result.setWrapText(true);
        result.textProperty().bind(model.resultProperty());

        TableView<GenreMetric> metrics = new TableView<>(model.metrics());
        metrics.setId("genre-metrics");
        metrics.setPrefHeight(220);
        metrics.setPrefWidth(420);
        metrics.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        metrics.setPlaceholder(new Label("Training with cross-validation (2 or more folds) measures each genre here."));
        metrics.getColumns().add(column("Genre", GenreMetric::genre));
        metrics.getColumns().add(column("Precision", m -> String.format("%.2f", m.precision())));
        metrics.getColumns().add(column("Recall", m -> String.format("%.2f", m.recall())));
        metrics.getColumns().add(column("F1", m -> String.format("%.2f", m.f1())));
        metrics.getColumns().add(column("Clips", m -> Integer.toString(m.clips())));
        ImageView heatmap = new ImageView();
        heatmap.setId("confusion-heatmap");
        heatmap.setFitHeight(300);
        heatmap.setPreserveRatio(true);
        model.heatmapProperty().addListener((o, before, after) ->
                heatmap.setImage(after == null ? null : new Image(after.toUri().toString())));
        Button use = new Button("Use this model");
        use.setId("use-model");
        use.disableProperty().bind(model.trainedModelProperty().isNull().or(model.runningProperty()));
        use.setOnAction(event -> model.useTrainedModel());
        Label comparison = new Label();
        comparison.setId("model-comparison");
        comparison.setWrapText(true);
        comparison.textProperty().bind(model.comparisonProperty());
        // a worse (or unmeasured) model is installed only after a yes
        model.installQuestionProperty().addListener((o, before, question) -> {
            if (question == null || question.isEmpty()) {
                return;
            }
            Alert ask = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.YES, ButtonType.NO);
            ask.setHeaderText("Use the trained model?");
            ask.initOwner(getScene().getWindow());
            ask.showAndWait().filter(ButtonType.YES::equals).ifPresentOrElse(yes -> model.confirmInstall(),
                    model::declineInstall);
        });

        ChoiceBox<InstalledModels.InstalledModel> installed = new ChoiceBox<>(model.models());
        installed.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(InstalledModels.InstalledModel m) {
                return m == null ? "" : m.displayName();
            }

            @Override
            public InstalledModels.InstalledModel fromString(String text) {
                return null;
            }
        });
        installed.setId("installed-models");
        installed.setPrefWidth(260);
        // the list opens on the model in use, so "Switch to it" means another one
        installed.setValue(model.activeProperty().get());
        model.activeProperty().addListener((o, before, now) -> installed.setValue(now));
        model.models().addListener((ListChangeListener<InstalledModels.InstalledModel>) change ->
                installed.setValue(model.activeProperty().get()));
        Button switchModel = new Button("Switch to it");
        switchModel.setId("switch-model");
        switchModel.setMinWidth(Region.USE_PREF_SIZE);
        switchModel.disableProperty().bind(Bindings.createBooleanBinding(
                () -> installed.getValue() == null || model.activeProperty().get() != null
                        && installed.getValue().file().equals(model.activeProperty().get().file()),
                installed.valueProperty(), model.activeProperty()));
        switchModel.setOnAction(event -> model.switchTo(installed.getValue()));
        Label installedLabel = new Label("Installed models");
        installedLabel.setMinWidth(Region.USE_PREF_SIZE);
        Label active = new Label();
        active.setId("model-in-use");
        active.setWrapText(true);
        active.textProperty().bind(model.activeModelProperty().concat("").map(name -> "In use: " + name));
        HBox modelsRow = new HBox(8, installedLabel, installed, switchModel);
        modelsRow.setAlignment(Pos.CENTER_LEFT);

        HBox evaluation = new HBox(10, metrics, heatmap);
        HBox.setHgrow(metrics, Priority.ALWAYS);
        Label keptSpectra = new Label();
        keptSpectra.setId("spectra-kept");
        keptSpectra.setWrapText(true);
        keptSpectra.getStyleClass().add("text-muted");
        keptSpectra.textProperty().bind(model.keptSpectraProperty());
        Button deleteSpectra = new Button("Delete kept spectra");
        deleteSpectra.setId("delete-spectra");
        deleteSpectra.setMinWidth(Region.USE_PREF_SIZE);
        // shown while there is something to delete; a run reading them keeps them
        deleteSpectra.visibleProperty().bind(model.spectraKeptProperty());
        deleteSpectra.managedProperty().bind(deleteSpectra.visibleProperty());
        deleteSpectra.disableProperty().bind(model.runningProperty());
        deleteSpectra.setOnAction(event -> model.deleteKeptSpectra());
        HBox keptRow = new HBox(8, keptSpectra, deleteSpectra);
        keptRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(keptSpectra, Priority.ALWAYS);
        VBox right = new VBox(8, stage, new HBox(8, lossChart, accuracyChart), result, evaluation, comparison, use,
                heading("Models"), modelsRow, active, keptRow);
        HBox.setHgrow(lossChart, Priority.ALWAYS);
        HBox.setHgrow(accuracyChart, Priority.ALWAYS);
        right.setPadding(new Insets(10));
        ScrollPane rightScroll = new ScrollPane(right);
        rightScroll.setFitToWidth(true);

        getItems().addAll(left, rightScroll);
        setDividerPositions(0.33);
        model.refreshModels();
    }

    /**
     * Redraws both charts from the model's curve. Fresh series each time: clearing and refilling a non-animated
     * LineChart's series leaves stale line segments behind in JavaFX 21.
     */
    private void plot(TrainViewModel model) {
        int last = model.curve().stream().mapToInt(EpochReport::epoch).max().orElse(1);
        List<XYChart.Data<Number, Number>> trainLoss = new ArrayList<>();
        List<XYChart.Data<Number, Number>> validLoss = new ArrayList<>();
        List<XYChart.Data<Number, Number>> trainAccuracy = new ArrayList<>();
        List<XYChart.Data<Number, Number>> validAccuracy = new ArrayList<>();
        for (EpochReport report : model.curve()) {
            trainLoss.add(new XYChart.Data<>(report.epoch(), report.trainLoss()));
            validLoss.add(new XYChart.Data<>(report.epoch(), report.validLoss()));
            trainAccuracy.add(new XYChart.Data<>(report.epoch(), report.trainAccuracy()));
            validAccuracy.add(new XYChart.Data<>(report.epoch(), report.validBalancedAccuracy()));
        }
        lossChart.getData().setAll(List.of(series("training loss", trainLoss),
                series("validation loss", validLoss)));
        accuracyChart.getData().setAll(List.of(series("training accuracy", trainAccuracy),
                series("validation balanced accuracy", validAccuracy)));
        for (LineChart<Number, Number> chart : List.of(lossChart, accuracyChart)) {
            ((NumberAxis) chart.getXAxis()).setUpperBound(Math.max(2, last));
        }
        NumberAxis lossAxis = (NumberAxis) lossChart.getYAxis();
        lossAxis.setAutoRanging(!model.curve().isEmpty());
        if (model.curve().isEmpty()) {
            lossAxis.setLowerBound(0);
            lossAxis.setUpperBound(1);
        }
    }

    private static XYChart.Series<Number, Number> series(String name, List<XYChart.Data<Number, Number>> points) {
        return new XYChart.Series<>(name, FXCollections.observableArrayList(points));
    }

    private static LineChart<Number, Number> chart(String title) {
        // whole epochs only; the upper bound follows the run
        NumberAxis epochs = new NumberAxis(1, 2, 1);
        epochs.setLabel("epoch");
        epochs.setMinorTickVisible(false);
        NumberAxis values = new NumberAxis();
        LineChart<Number, Number> chart = new LineChart<>(epochs, values);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        chart.setPrefHeight(240);
        return chart;
    }

    private static Spinner<Integer> intSpinner(int min, int max, int initial, int step) {
        Spinner<Integer> spinner = new Spinner<>(min, max, initial, step);
        spinner.setEditable(true);
        spinner.setPrefWidth(110);
        return spinner;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("title-4");
        return label;
    }

    private static TableColumn<GenreMetric, String> column(String title, Function<GenreMetric, String> value) {
        TableColumn<GenreMetric, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }
}
