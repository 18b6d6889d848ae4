package org.genrelens.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.training.TrainingReadiness;
import org.genrelens.training.data.FolderDataset;
import org.genrelens.training.data.GenreSelection;
import org.genrelens.training.data.LabeledClip;
import org.genrelens.training.data.NonMusicCorpus;
import org.genrelens.training.data.PairsListDataset;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** Where training clips come from: a GTZAN or folder-per-genre tree, or a pairs list; a genre subset; not-music. */
final class DatasetOptions {

    /** The clips with their sorted label set and a name for the card. */
    record Loaded(List<LabeledClip> clips, List<String> labels, String name) {
    }

    @Parameters(index = "0", arity = "0..1", paramLabel = "DATASET",
            description = "GTZAN folder or <genre>/<files> tree (or use --list)")
    Path dataset;

    @Option(names = "--list", paramLabel = "PAIRS.tsv",
            description = "A list of 'path<TAB>genre' or 'path,genre' lines instead of DATASET")
    Path list;

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
        if ((dataset == null) == (list == null)) {
            throw new ParameterException(commandLine, "name a DATASET folder or a --list, not "
                    + (dataset == null ? "neither" : "both"));
        }
        if (notMusicPerKind < 0) {
            throw new ParameterException(commandLine, "--not-music must be 0 or more");
        }
        AudioDecoder decoder = new AudioDecoder();
        List<LabeledClip> clips;
        if (list != null) {
            clips = PairsListDataset.read(list);
        } else {
            Set<String> extensions = new HashSet<>(decoder.jvmExtensions());
            extensions.addAll(decoder.ffmpegExtensions());
            clips = FolderDataset.scan(dataset, extensions);
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
            Path generated = Files.createTempDirectory("genrelens-not-music");
            List<LabeledClip> all = new ArrayList<>(clips);
            all.addAll(new NonMusicCorpus(NonMusicCorpus.findEspeak(), 42L).write(generated, notMusicPerKind, 15.0));
            clips = List.copyOf(all);
        }
        List<String> labels = List.copyOf(new TreeSet<>(clips.stream().map(LabeledClip::genre).toList()));
        if (labels.size() < minimumGenres) {
            throw new ParameterException(commandLine, purpose + " needs at least " + minimumGenres + " genre"
                    + (minimumGenres == 1 ? "" : "s") + ", found " + labels);
        }
        Path source = list != null ? list : dataset;
        return new Loaded(clips, labels, source.toAbsolutePath().normalize().getFileName().toString());
    }

    /** Where the clips come from, for a report: "the list x.tsv" or the folder. */
    String source() {
        return list != null ? "the list " + list : String.valueOf(dataset);
    }
}
