package org.genrelens.ui.common;

import java.util.List;
import javafx.scene.paint.Color;

/** A stable colour per genre name, so a genre looks the same in the timeline and the bars. */
public final class GenreColors {

    private static final List<Color> PALETTE = List.of(Color.web("#4e79a7"), Color.web("#f28e2b"),
            Color.web("#e15759"), Color.web("#76b7b2"), Color.web("#59a14f"), Color.web("#edc948"),
            Color.web("#b07aa1"), Color.web("#ff9da7"), Color.web("#9c755f"), Color.web("#bab0ac"),
            Color.web("#2f4b7c"), Color.web("#a05195"));

    /** GTZAN's genres get distinct colours; any other genre a colour from its name. */
    private static final List<String> KNOWN = List.of("blues", "classical", "country", "disco", "hiphop", "jazz",
            "metal", "pop", "reggae", "rock", "electronic", "folk");

    private GenreColors() {
    }

    public static Color of(String genre) {
        if ("not-music".equals(genre)) {
            return Color.GRAY;
        }
        // by spelling key, so the label "hiphop" and its display name "Hip-Hop" share a colour
        int known = KNOWN.indexOf(org.genrelens.tags.GenreNames.key(genre));
        return PALETTE.get(known >= 0 ? known
                : Math.floorMod(org.genrelens.tags.GenreNames.key(genre).hashCode(), PALETTE.size()));
    }
}
