package org.genrelens.ui.shell;

import java.io.File;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.VBox;
import java.nio.file.Path;
import org.genrelens.ui.common.Icons;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The welcome screen: choose music folders, or drop them here; or go to the Train tab first, for a user who wants to
 * train or fine-tune a model (on GTZAN, say) before pointing the app at a library.
 */
final class FirstRunPane extends VBox {

    static final String DROP_TARGET = "drop-target";

    FirstRunPane(Runnable chooseFolders, Consumer<List<Path>> dropped, Runnable trainFirst) {
        super(14);
        setId("first-run");
        setAlignment(Pos.CENTER);
        setPadding(new Insets(40));
        getStyleClass().add(DROP_TARGET);
        FontIcon note = Icons.icon(Icons.MUSIC);
        note.getStyleClass().add("welcome-icon");
        Label title = new Label("Welcome to GenreLens");
        title.getStyleClass().add("title-1");
        Label text = new Label("Choose the folders that hold your music, or drop them here. GenreLens listens to "
                + "every song, works out its genre, and never changes a file until you ask.");
        text.setWrapText(true);
        text.setMaxWidth(520);
        Button choose = new Button("Choose music folders...", Icons.icon(Icons.FOLDER_ADD));
        choose.setId("choose-folders");
        choose.getStyleClass().addAll("accent", "large");
        choose.setOnAction(event -> chooseFolders.run());
        Hyperlink train = new Hyperlink("Or train a model on a dataset first");
        train.setId("train-first");
        train.setOnAction(event -> trainFirst.run());
        getChildren().addAll(note, title, text, choose, train);

        setOnDragOver(event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY_OR_MOVE);
            }
            event.consume();
        });
        setOnDragDropped(event -> {
            boolean accepted = event.getDragboard().hasFiles();
            if (accepted) {
                dropped.accept(event.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            event.setDropCompleted(accepted);
            event.consume();
        });
    }
}
