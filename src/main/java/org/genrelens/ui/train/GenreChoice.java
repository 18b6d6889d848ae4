package org.genrelens.ui.train;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** A genre found in the chosen dataset, with its clip count, that the user may include or leave out. */
public final class GenreChoice {

    private final String genre;
    private final int clips;
    private final BooleanProperty included = new SimpleBooleanProperty(true);

    public GenreChoice(String genre, int clips) {
        this.genre = genre;
        this.clips = clips;
    }

    public String genre() {
        return genre;
    }

    public int clips() {
        return clips;
    }

    public BooleanProperty includedProperty() {
        return included;
    }

    @Override
    public String toString() {
        return genre + " (" + clips + ")";
    }
}
