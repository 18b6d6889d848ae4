package org.genrelens.ui.common;

import org.kordamp.ikonli.javafx.FontIcon;

/** Material Design icons by name, one place for their literals. */
public final class Icons {

    public static final String FOLDER_ADD = "mdi2f-folder-plus-outline";
    public static final String REFRESH = "mdi2r-refresh";
    public static final String ANALYSE = "mdi2w-waveform";
    public static final String PLAY = "mdi2p-play";
    public static final String PAUSE = "mdi2p-pause";
    public static final String TAG = "mdi2t-tag-outline";
    public static final String UNDO = "mdi2u-undo-variant";
    public static final String TRAIN = "mdi2s-school-outline";
    public static final String CANCEL = "mdi2c-close-circle-outline";
    public static final String THEME = "mdi2t-theme-light-dark";
    public static final String SEARCH = "mdi2m-magnify";
    public static final String MUSIC = "mdi2m-music-note";
    public static final String EYE = "mdi2e-eye-outline";

    private Icons() {
    }

    public static FontIcon icon(String literal) {
        return new FontIcon(literal);
    }
}
