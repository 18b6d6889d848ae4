package org.genrelens.workspace;

import java.util.List;
import java.util.Locale;

/**
 * What the desktop app remembers between runs.
 *
 * @param musicFolders  the library roots the user chose
 * @param darkTheme     dark or light theme
 * @param activeModel   the model in use (a path); null means the bundled model
 * @param tagPolicy     empty | overwrite | append
 * @param minConfidence tags are written only at or above this confidence
 * @param writeParentGenres tagging also writes each genre's parents from the genre map (Techno, Electronic)
 */
public record Settings(List<String> musicFolders, boolean darkTheme, String activeModel, String tagPolicy,
        float minConfidence, boolean writeParentGenres) {

    public Settings {
        musicFolders = musicFolders == null ? List.of() : List.copyOf(musicFolders);
        tagPolicy = tagPolicy == null || tagPolicy.isBlank() ? "empty" : tagPolicy.toLowerCase(Locale.ROOT);
        if (!(minConfidence >= 0f && minConfidence <= 1f)) {
            throw new IllegalArgumentException("minConfidence must be in [0, 1], was " + minConfidence);
        }
    }

    public static Settings defaults() {
        return new Settings(List.of(), false, null, "empty", 0.5f, false);
    }

    public Settings withMusicFolders(List<String> folders) {
        return new Settings(folders, darkTheme, activeModel, tagPolicy, minConfidence, writeParentGenres);
    }

    public Settings withDarkTheme(boolean dark) {
        return new Settings(musicFolders, dark, activeModel, tagPolicy, minConfidence, writeParentGenres);
    }

    public Settings withActiveModel(String model) {
        return new Settings(musicFolders, darkTheme, model, tagPolicy, minConfidence, writeParentGenres);
    }

    public Settings withTagging(String policy, float confidence) {
        return new Settings(musicFolders, darkTheme, activeModel, policy, confidence, writeParentGenres);
    }

    public Settings withWriteParentGenres(boolean write) {
        return new Settings(musicFolders, darkTheme, activeModel, tagPolicy, minConfidence, write);
    }
}
