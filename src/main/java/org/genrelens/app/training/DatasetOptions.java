package org.genrelens.app.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.training.TrainingReadiness;
import org.genrelens.training.data.FolderDataset;
import org.genrelens.training.data.GenreSelection;
import org.genrelens.training.data.LabeledClip;
import org.genrelens.training.data.NonMusicCorpus;
import org.genrelens.training.data.PairsListDataset;
import org.genrelens.library.LibraryDatabase;
import org.genrelens.library.LibraryLocation;
import org.genrelens.tags.GenreMapFile;
import org.genrelens.workspace.AppPaths;
import org.genrelens.workspace.LibraryEntry;
import org.genrelens.workspace.LibraryTrainingSet;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** Where training clips come from: a GTZAN or folder-per-genre tree, or a pairs list; a genre subset; not-music. */
public final class DatasetOptions {

    /** The clips with their sorted label set and a name for the card. */
    record Loaded(List<LabeledClip> clips, List<String> labels, String name) {
    }

    @Parameters(index = "0", arity = "0..1", paramLabel = "DATASET",
            description = "GTZAN folder or <genre>/<files> tree (or use --list)")
    Path dataset;

    @Option(names = "--list", paramLabel = "PAIRS.tsv",
            description = "A list of 'path<TAB>genre' or 'path,genre' lines instead of DATASET")
    Path list;

    @Option(names = "--library", description = "Your library's genres instead of DATASET: hand "
            + "corrections, else each track's first genre tag, through your genre map; cross-validation keeps each "
            + "artist on one side")
    boolean library;

    @Option(names = "--db", paramLabel = "FILE", description = "Library database for --library (default: the "
            + "user's data folder)")
    Path database;

    @Option(names = "--min-tracks", paramLabel = "N", defaultValue = "" + LibraryTrainingSet.DEFAULT_MIN_TRACKS,
            description = "With --library, learn only genres with at least N tracks (default: ${DEFAULT-VALUE})")
    int minTracks;

    @Option(names = "--genres", split = ",", paramLabel = "G,G,...", description = "Only these genres")
    List<String> genres;

    @Option(names = "--not-music", paramLabel = "N", defaultValue = "0",
            description = "Add a not-music class of N synthesised clips per kind (speech with espeak-ng if installed, "
                    + "noise, tones, hum, near-silence, chirps) (default: ${DEFAULT-VALUE})")
    int notMusicPerKind;

    /** Clips for training: at least two genres. */
    Loaded load(CommandLine commandLine) throws IOException {
        return load(commandLine, 2, "training");
    }

    /**
     * @param minimumGenres fewer genres than this is a usage error
     * @param purpose       what the clips are for, in that error: "training"
     * @throws java.nio.file.NoSuchFileException if the pairs list does not exist
     * @throws IOException                       if the dataset or the list cannot be read (a broken line of the
     *                                           list names its line)
     */
    Loaded load(CommandLine commandLine, int minimumGenres, String purpose) throws IOException {
        int sources = (dataset != null ? 1 : 0) + (list != null ? 1 : 0) + (library ? 1 : 0);
        if (sources != 1) {
            throw new ParameterException(commandLine, "name one of a DATASET folder, a --list or --library, not "
                    + (sources == 0 ? "none" : "several"));
        }
        if (minTracks < 1) {
            throw new ParameterException(commandLine, "--min-tracks must be at least 1");
        }
        if (notMusicPerKind < 0) {
            throw new ParameterException(commandLine, "--not-music must be 0 or more");
        }
        AudioDecoder decoder = new AudioDecoder();
        List<LabeledClip> clips;
        if (library) {
            clips = libraryClips(commandLine);
        } else if (list != null) {
            clips = PairsListDataset.read(list);
        } else {
            clips = FolderDataset.scan(dataset, decoder.readableExtensions());
        }
        if (genres != null) {
            try {
                clips = GenreSelection.keep(clips, genres);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(commandLine, "--genres: " + e.getMessage());
            }
        }
        if (notMusicPerKind > 0) {
            TrainingReadiness.ofThisMachine().speechMissing()
                    .ifPresent(warning -> commandLine.getErr().println("genrelens: warning: " + warning));
            List<LabeledClip> all = new ArrayList<>(clips);
            all.addAll(NonMusicCorpus.forTraining(AppPaths.defaults(Optional.empty()).notMusicCorpus(),
                    notMusicPerKind));
            clips = List.copyOf(all);
        }
        List<String> labels = List.copyOf(new TreeSet<>(clips.stream().map(LabeledClip::genre).toList()));
        if (labels.size() < minimumGenres) {
            throw new ParameterException(commandLine, purpose + " needs at least " + minimumGenres + " genre"
                    + (minimumGenres == 1 ? "" : "s") + ", found " + labels);
        }
        if (library) {
            return new Loaded(clips, labels, "my-library");
        }
        Path source = list != null ? list : dataset;
        return new Loaded(clips, labels, source.toAbsolutePath().normalize().getFileName().toString());
    }

    /** The library's tracks as {@link LibraryTrainingSet} reads them; what is left out is said on stderr. */
    private List<LabeledClip> libraryClips(CommandLine commandLine) throws IOException {
        Path file = database != null ? database : LibraryLocation.defaultDatabase();
        if (!Files.isRegularFile(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString(), null,
                    "no library database there; run 'genrelens scan FOLDER' first");
        }
        LibraryTrainingSet set;
        try (LibraryDatabase db = LibraryDatabase.open(file)) {
            set = LibraryTrainingSet.of(LibraryEntry.loadAll(db), GenreMapFile.read(LibraryLocation.dataDirectory()
                    .resolve(GenreMapFile.FILE_NAME)), minTracks);
        }
        commandLine.getErr().println("library " + file + ": " + set.summary());
        set.tooFew().forEach((genre, count) -> commandLine.getErr().println("  not used: " + genre + ", " + count
                + " track(s), fewer than " + minTracks));
        set.withoutGenre().forEach(path -> commandLine.getErr().println("  no genre: " + path));
        return set.clips();
    }

    /** Where the clips come from, for a report: "the list x.tsv" or the folder. */
    String source() {
        return library ? "the library" : list != null ? "the list " + list : String.valueOf(dataset);
    }
}
