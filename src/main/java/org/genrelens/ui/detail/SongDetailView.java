package org.genrelens.ui.detail;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.genrelens.ui.common.GenreColors;
import org.genrelens.ui.common.Icons;

/** Shows a {@link SongDetailViewModel}: spectrogram with cursor, window timeline, confidence bars, playback. */
public final class SongDetailView extends ScrollPane {

    public static final String STYLE_CLASS = "song-detail";
    private static final double SPECTROGRAM_HEIGHT = 170;
    private static final double TIMELINE_HEIGHT = 16;

    private final SongDetailViewModel model;
    private final Canvas spectrogramCanvas = new Canvas(400, SPECTROGRAM_HEIGHT);
    private final Canvas timelineCanvas = new Canvas(400, TIMELINE_HEIGHT);
    private WritableImage image;

    public SongDetailView(SongDetailViewModel model) {
        this.model = model;
        getStyleClass().add(STYLE_CLASS);
        setFitToWidth(true);

        Label title = new Label();
        title.getStyleClass().add("title-3");
        title.textProperty().bind(model.titleProperty());
        title.setWrapText(true);
        Label subtitle = new Label();
        subtitle.getStyleClass().add("text-muted");
        subtitle.textProperty().bind(model.subtitleProperty());
        Label comparison = new Label();
        comparison.setWrapText(true);
        comparison.textProperty().bind(model.tagComparisonProperty());
        comparison.setId("tag-comparison");
        Label state = new Label();
        state.setWrapText(true);
        state.getStyleClass().add("text-muted");
        state.textProperty().bind(model.loadStateProperty());
        state.setId("detail-state");

        Pane canvasHolder = new Pane(spectrogramCanvas);
        canvasHolder.setMinHeight(SPECTROGRAM_HEIGHT);
        canvasHolder.setPrefHeight(SPECTROGRAM_HEIGHT);
        spectrogramCanvas.widthProperty().bind(canvasHolder.widthProperty());
        spectrogramCanvas.setId("spectrogram");
        spectrogramCanvas.setOnMouseClicked(event -> {
            double duration = model.durationSecondsProperty().get();
            if (duration > 0) {
                model.seek(event.getX() / spectrogramCanvas.getWidth() * duration);
            }
        });
        Tooltip.install(spectrogramCanvas, new Tooltip("Click to move the playback cursor"));
        Pane timelineHolder = new Pane(timelineCanvas);
        timelineHolder.setMinHeight(TIMELINE_HEIGHT);
        timelineCanvas.widthProperty().bind(timelineHolder.widthProperty());
        timelineCanvas.setId("timeline");

        Button play = new Button();
        play.setId("play");
        play.graphicProperty().bind(Bindings.when(model.playingProperty())
                .then(Icons.icon(Icons.PAUSE)).otherwise(Icons.icon(Icons.PLAY)));
        play.textProperty().bind(Bindings.when(model.playingProperty()).then("Pause").otherwise("Play"));
        play.disableProperty().bind(model.spectrogramProperty().isNull());
        play.setOnAction(event -> model.togglePlayback());
        Label position = new Label();
        position.textProperty().bind(Bindings.createStringBinding(() -> clock(model.positionSecondsProperty().get())
                        + " / " + clock(model.durationSecondsProperty().get()), model.positionSecondsProperty(),
                model.durationSecondsProperty()));
        Label playbackProblem = new Label();
        playbackProblem.getStyleClass().add("text-danger");
        playbackProblem.textProperty().bind(model.playbackProblemProperty());
        HBox transport = new HBox(8, play, position, playbackProblem);
        transport.setAlignment(Pos.CENTER_LEFT);

        VBox bars = new VBox(4);
        bars.setId("confidence-bars");
        model.bars().addListener((javafx.collections.ListChangeListener<GenreBar>) change -> fillBars(bars));

        ComboBox<String> correction = new ComboBox<>(model.labels());
        correction.setEditable(true);
        correction.setPromptText("Correct the genre...");
        correction.setId("correction");
        Button setGenre = new Button("Set genre");
        setGenre.setId("set-genre");
        setGenre.disableProperty().bind(model.trackProperty().isNull());
        setGenre.setOnAction(event -> {
            String chosen = correction.getEditor().getText();
            if (chosen != null && !chosen.isBlank()) {
                model.correct(chosen);
            }
        });
        HBox correct = new HBox(8, correction, setGenre);
        correct.setAlignment(Pos.CENTER_LEFT);

        Label barsTitle = new Label("Confidence per genre (windows averaged)");
        barsTitle.getStyleClass().add("text-bold");
        VBox songOnly = new VBox(10, canvasHolder, timelineHolder, transport, barsTitle, bars, correct);
        songOnly.visibleProperty().bind(model.trackProperty().isNotNull());
        songOnly.managedProperty().bind(songOnly.visibleProperty());
        VBox content = new VBox(10, title, subtitle, comparison, state, songOnly);
        content.setPadding(new Insets(12));
        setContent(content);

        model.spectrogramProperty().addListener((o, before, after) -> {
            image = after == null ? null : toImage(after);
            redraw();
        });
        model.timeline().addListener((javafx.collections.ListChangeListener<SongDetailViewModel.WindowGenre>) c -> redraw());
        model.positionSecondsProperty().addListener((o, before, after) -> redraw());
        model.durationSecondsProperty().addListener((o, before, after) -> redraw());
        state.managedProperty().bind(model.loadStateProperty().isNotEmpty());
        spectrogramCanvas.widthProperty().addListener((o, before, after) -> redraw());
    }

    private void fillBars(VBox bars) {
        bars.getChildren().clear();
        for (GenreBar bar : model.bars()) {
            Rectangle swatch = new Rectangle(10, 10, GenreColors.of(bar.genre()));
            Label name = new Label(bar.genre());
            name.setMinWidth(80);
            ProgressBar level = new ProgressBar(bar.probability());
            level.setPrefWidth(180);
            level.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(level, Priority.ALWAYS);
            Label percent = new Label(bar.percentText());
            percent.setMinWidth(Region.USE_PREF_SIZE);
            HBox line = new HBox(6, swatch, name, level, percent);
            line.setAlignment(Pos.CENTER_LEFT);
            bars.getChildren().add(line);
        }
    }

    private void redraw() {
        double width = spectrogramCanvas.getWidth();
        GraphicsContext g = spectrogramCanvas.getGraphicsContext2D();
        g.setFill(Color.web("#1e1e2a"));
        g.fillRect(0, 0, width, SPECTROGRAM_HEIGHT);
        if (image != null) {
            g.setImageSmoothing(true);
            g.drawImage(image, 0, 0, width, SPECTROGRAM_HEIGHT);
        }
        double duration = model.durationSecondsProperty().get();
        if (duration > 0) {
            double x = model.positionSecondsProperty().get() / duration * width;
            g.setStroke(Color.WHITE);
            g.setLineWidth(2);
            g.strokeLine(x, 0, x, SPECTROGRAM_HEIGHT);
        }
        GraphicsContext t = timelineCanvas.getGraphicsContext2D();
        t.clearRect(0, 0, timelineCanvas.getWidth(), TIMELINE_HEIGHT);
        var windows = model.timeline();
        for (int i = 0; i < windows.size() && duration > 0; i++) {
            var window = windows.get(i);
            // each window owns the time until the next one starts; the last one reaches the end of the track
            double end = i + 1 < windows.size() ? windows.get(i + 1).startSeconds()
                    : Math.max(window.endSeconds(), duration);
            double x0 = window.startSeconds() / duration * width;
            double x1 = Math.min(width, end / duration * width);
            t.setFill(GenreColors.of(window.genre()).deriveColor(0, 1, 1, 0.35 + 0.65 * window.probability()));
            t.fillRect(x0, 0, Math.max(1, x1 - x0 - 1), TIMELINE_HEIGHT);
        }
    }

    private static WritableImage toImage(SpectrogramPixels pixels) {
        WritableImage image = new WritableImage(pixels.width(), pixels.height());
        image.getPixelWriter().setPixels(0, 0, pixels.width(), pixels.height(), PixelFormat.getIntArgbInstance(),
                pixels.argb(), 0, pixels.width());
        return image;
    }

    private static String clock(double seconds) {
        return SongDetailViewModel.clock(seconds);
    }
}
