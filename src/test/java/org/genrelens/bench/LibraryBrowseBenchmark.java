package org.genrelens.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.genrelens.library.Analysis;
import org.genrelens.model.AnalysisMode;
import org.genrelens.library.ExistingTags;
import org.genrelens.library.Track;
import org.genrelens.library.TrackStatus;
import org.genrelens.ui.library.GenreGroup;
import org.genrelens.ui.library.LibraryViewModel;
import org.genrelens.workspace.LibraryEntry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The library browser with a large collection: building the rows and groups for 100,000 tracks (after a scan or a
 * reload) and one keystroke of search over them. The table itself is virtualised; these are the costs that grow
 * with the library.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LibraryBrowseBenchmark {

    private static final List<String> GENRES = List.of("blues", "classical", "country", "disco", "hiphop", "jazz",
            "metal", "pop", "reggae", "rock");

    @Param("100000")
    int tracks;

    private List<LibraryEntry> entries;
    private LibraryViewModel shown;
    private int keystroke;

    @Setup(Level.Trial)
    public void makeLibrary() {
        entries = new ArrayList<>(tracks);
        for (int i = 0; i < tracks; i++) {
            String genre = GENRES.get(i % GENRES.size());
            Track track = new Track(i, Path.of("/music/artist" + i % 997 + "/album" + i % 31 + "/track" + i + ".flac"),
                    5_000_000, 0, "fp" + i, "flac", 240.0, new ExistingTags("Track " + i, "Artist " + i % 997,
                    "Album " + i % 31, List.of()), TrackStatus.PRESENT, null);
            float[] probabilities = new float[GENRES.size()];
            probabilities[i % GENRES.size()] = 0.9f;
            Analysis analysis = new Analysis(i, i, "fp" + i, "sha", "spec", AnalysisMode.FULL, Analysis.Status.OK, GENRES, probabilities,
                    genre, 0.9f, i % 50 == 0, false, null, Instant.EPOCH);
            entries.add(new LibraryEntry(track, analysis, null));
        }
        shown = new LibraryViewModel();
        shown.show(entries);
        shown.selectedGroupProperty().set(new GenreGroup(GenreGroup.ALL, tracks));
    }

    @Benchmark
    public int showWholeLibrary() {
        LibraryViewModel model = new LibraryViewModel();
        model.show(entries);
        return model.visibleRows().size();
    }

    @Benchmark
    public int searchKeystroke() {
        // alternate two queries so every call refilters all rows
        shown.searchProperty().set(++keystroke % 2 == 0 ? "artist 12" : "artist 1");
        return shown.visibleRows().size();
    }
}
