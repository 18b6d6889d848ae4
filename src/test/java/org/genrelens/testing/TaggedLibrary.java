package org.genrelens.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.genrelens.library.ExistingTags;
import org.genrelens.library.LibraryDatabase;
import org.genrelens.library.LibraryScanner;
import org.genrelens.library.ScanOptions;
import org.genrelens.model.TrackPrediction;
import org.genrelens.task.Cancellation;
import org.genrelens.task.ProgressListener;

/**
 * A library database for review tests: real WAV files (a different tone each, so each has its own fingerprint unless
 * asked to share one), scanned with the genre tags the test gives them, and analysed with the probabilities the test
 * gives them over {@link #LABELS}.
 */
public final class TaggedLibrary {

    public static final List<String> LABELS = List.of("rock", "hiphop", "jazz", "classical");
    public static final String MODEL_SHA256 = "a".repeat(64);
    private static final String FEATURE_SPEC_HASH = "b".repeat(64);
    private static final int RATE = 8_000;

    private record Planned(List<String> tags, float[] probabilities, boolean uncertain, String sameAudioAs) {
    }

    private final Path music;
    private final Path database;
    private final Map<String, Planned> planned = new LinkedHashMap<>();

    public TaggedLibrary(Path dir) throws IOException {
        this.music = Files.createDirectories(dir.resolve("music"));
        this.database = dir.resolve("library.db");
    }

    /** A track tagged with these genres (none for an untagged one) and predicted with these probabilities. */
    public TaggedLibrary track(String name, List<String> tags, float... probabilities) {
        planned.put(name, new Planned(tags, probabilities, false, null));
        return this;
    }

    /** A copy of an earlier track's audio under another name, predicted alike. */
    public TaggedLibrary copy(String name, String of) {
        Planned original = planned.get(of);
        planned.put(name, new Planned(original.tags(), original.probabilities(), original.uncertain(), of));
        return this;
    }

    /** Writes the files, scans them and stores their analyses; returns the database file (closed). */
    public Path build() throws IOException {
        List<String> names = new ArrayList<>(planned.keySet());
        for (int i = 0; i < names.size(); i++) {
            Planned track = planned.get(names.get(i));
            Path file = music.resolve(names.get(i));
            if (track.sameAudioAs() != null) {
                Files.copy(music.resolve(track.sameAudioAs()), file);
            } else {
                TestAudio.writeWav(TestAudio.sine(200 + 37 * i, 1, RATE, 0.3), RATE, file);
            }
        }
        try (LibraryDatabase db = LibraryDatabase.open(database)) {
            ScanOptions options = ScanOptions.defaults().withTagsReader(file -> Optional.of(new ExistingTags(
                    "Title of " + file.getFileName(), "Artist", "Album",
                    planned.get(file.getFileName().toString()).tags())));
            new LibraryScanner(db).scan(List.of(music), options, ProgressListener.NONE, Cancellation.none());
            for (String name : names) {
                Planned track = planned.get(name);
                long id = db.tracks().find(path(name)).orElseThrow().id();
                db.analyses().save(id, MODEL_SHA256, FEATURE_SPEC_HASH, new TrackPrediction(LABELS,
                        track.probabilities(), new float[0][], track.uncertain(), false));
            }
        }
        return database;
    }

    public Path path(String name) {
        return music.resolve(name).toAbsolutePath().normalize();
    }

    public Path database() {
        return database;
    }
}
