package org.genrelens.ui.genres;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** The genre map editor: the genres on the left, the chosen one with a text field and the edits on the right. */
public final class GenreMapView extends BorderPane {

    public GenreMapView(GenreMapViewModel model) {
        setId("genre-map-view");
        ListView<org.genrelens.tags.GenreMap.Genre> list = new ListView<>(model.genres());
        list.setId("genre-map-list");
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(org.genrelens.tags.GenreMap.Genre genre, boolean empty) {
                super.updateItem(genre, empty);
                setText(empty || genre == null ? null : GenreMapViewModel.describe(genre));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, before, after) -> {
            if (after != null) {
                model.selectedProperty().set(after);
            }
        });
        model.selectedProperty().addListener((o, before, after) -> {
            if (after != null && list.getSelectionModel().getSelectedItem() != after) {
                list.getSelectionModel().select(after);
            }
        });
        setCenter(list);

        Label chosen = new Label();
        chosen.setId("genre-chosen");
        chosen.setWrapText(true);
        chosen.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                model.selectedProperty().get() == null ? "No genre chosen"
                        : GenreMapViewModel.describe(model.selectedProperty().get()), model.selectedProperty()));
        TextField text = new TextField();
        text.setId("genre-text");
        text.setPromptText("name, spelling or parent");
        text.textProperty().bindBidirectional(model.textProperty());
        FlowPane actions = new FlowPane(6, 6,
                button("Add genre", "genre-add", model::addGenre),
                button("Add alias", "genre-alias", model::addAlias),
                button("Set spelling", "genre-display", model::setDisplay),
                button("Add parent", "genre-parent", model::addParent),
                button("Merge into", "genre-merge", model::mergeInto),
                button("Rename", "genre-rename", model::rename),
                button("Remove", "genre-remove", model::remove));
        Label message = new Label();
        message.setId("genre-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        CheckBox parents = new CheckBox("Also write parent genres when tagging (Techno adds Electronic)");
        parents.setWrapText(true);
        Label hint = new Label("Spellings are matched ignoring case, spaces, hyphens and &/and/n.");
        hint.setWrapText(true);
        parents.setId("genre-write-parents");
        parents.selectedProperty().bindBidirectional(model.writeParentsProperty());
        VBox side = new VBox(10, hint,
                chosen, text, actions, message, parents);
        side.setPadding(new Insets(10));
        side.setPrefWidth(420);
        setRight(side);
    }

    private static Button button(String text, String id, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(event -> action.run());
        return button;
    }
}
