package org.genrelens.ui.detail;

/** One averaged per-genre confidence of the shown track. */
public record GenreBar(String genre, double probability) {

    public String percentText() {
        return String.format("%.0f %%", probability * 100);
    }
}
