package org.genrelens.tags;

import java.nio.file.Path;

/** Reads the title, artist, album and genres of an audio file, so the library can show existing tags. */
public final class TagReader {

    public TrackTags read(Path file) throws TagFileException {
        return AudioTags.tags(AudioTags.open(file));
    }

    /** File name extensions (lower case, no dot) of the containers GenreLens can tag. */
    public static java.util.Set<String> extensions() {
        return AudioTags.EXTENSIONS;
    }

    /** Whether this file's container is one GenreLens can tag. */
    public boolean supports(Path file) {
        return AudioTags.EXTENSIONS.contains(AudioTags.extension(file));
    }
}
