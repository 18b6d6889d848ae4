package org.genrelens.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.inference.ClassifierOptions;
import org.genrelens.inference.GenreClassifier;
import org.genrelens.inference.TrackAnalyzer;
import org.genrelens.model.AnalysisMode;
import org.genrelens.model.TrackPrediction;
import org.genrelens.training.data.NonMusicCorpus;

/**
 * What quick mode costs in accuracy: every clip of a GTZAN-layout folder ({@code genres/<genre>/<files>}) is
 * analysed by the bundled model in full and in quick mode; prints track accuracy and balanced accuracy (mean recall
 * over the genres present) of both, and how often quick mode gives full mode's genre. Not a JMH benchmark: run with
 * {@code java -cp target/test-classes:target/classes:$CP org.genrelens.bench.QuickModeAccuracy DIR [MODEL] [--long]},
 * or {@code ... QuickModeAccuracy --folds FOLD_MODELS_DIR} on the fold models {@code train --fold-models} wrote.
 *
 * <p>GTZAN clips are 15-30 s, so quick mode sees most of their windows. With {@code --long}, each genre's clips are
 * first concatenated (in order) into MP3 tracks of up to 4 minutes, 44.1 kHz stereo, in a temporary folder that is
 * deleted afterwards, so quick mode reads 4 of up to 95 windows through ffmpeg's seeking, as on a real library.
 */
public final class QuickModeAccuracy {

    private QuickModeAccuracy() {
    }

    public static void main(String[] args) throws Exception {
        int foldsAt = List.of(args).indexOf("--folds");
        if (foldsAt >= 0) {
            heldOut(Path.of(args[foldsAt + 1]));
            return;
        }
        Path root = Path.of(args.length > 0 ? args[0] : "../shared/data/gtzan-subset");
        boolean longTracks = List.of(args).contains("--long");
        List<String> positional = java.util.Arrays.stream(args).filter(a -> !a.startsWith("--")).toList();
        Path model = Path.of(positional.size() > 1 ? positional.get(1) : "models/genre-cnn.onnx");
        Path genres = Files.isDirectory(root.resolve("genres")) ? root.resolve("genres") : root;
        Path made = longTracks ? Files.createTempDirectory("genrelens-long-") : null;
        try {
            run(longTracks ? concatenated(clips(genres), made) : clips(genres), genres, model);
        } finally {
            if (made != null) {
                try (Stream<Path> files = Files.walk(made)) {
                    for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    private static void run(List<Path> clips, Path genres, Path model) throws Exception {
        try (GenreClassifier classifier = GenreClassifier.open(model, ClassifierOptions.defaults())) {
            TrackAnalyzer analyzer = new TrackAnalyzer(new AudioDecoder().preferringFfmpeg(), classifier);
            Map<String, int[]> fullHits = new TreeMap<>();
            Map<String, int[]> quickHits = new TreeMap<>();
            int agree = 0;
            long windowsFull = 0;
            long windowsQuick = 0;
            for (Path clip : clips) {
                String truth = clip.getParent().getFileName().toString();
                TrackPrediction full = analyzer.analyze(clip, AnalysisMode.FULL);
                TrackPrediction quick = analyzer.analyze(clip, AnalysisMode.QUICK);
                count(fullHits, truth, full.topGenre());
                count(quickHits, truth, quick.topGenre());
                agree += full.topGenre().equals(quick.topGenre()) ? 1 : 0;
                windowsFull += full.windowCount();
                windowsQuick += quick.windowCount();
            }
            System.out.printf(Locale.ROOT, "%d tracks in %s, model %s%n", clips.size(), genres, model);
            System.out.printf(Locale.ROOT, "windows per track: full %.1f, quick %.1f%n",
                    windowsFull / (double) clips.size(), windowsQuick / (double) clips.size());
            report("full ", fullHits, clips.size());
            report("quick", quickHits, clips.size());
            System.out.printf(Locale.ROOT, "quick gives full mode's genre for %d of %d tracks (%.3f)%n", agree,
                    clips.size(), agree / (double) clips.size());
        }
    }

    /**
     * Quick against full mode on clips the model never saw: each {@code fold-N.onnx} that {@code train --folds K
     * --fold-models DIR} wrote, on the clips of its {@code fold-N.held-out.tsv} (generated not-music clips, deleted
     * after training, are left out and counted).
     */
    private static void heldOut(Path directory) throws Exception {
        List<Path> models;
        try (Stream<Path> files = Files.list(directory)) {
            models = files.filter(f -> f.getFileName().toString().matches("fold-\\d+\\.onnx")).sorted().toList();
        }
        if (models.isEmpty()) {
            throw new IllegalArgumentException("no fold-N.onnx in " + directory + "; write them with train --folds K "
                    + "--fold-models " + directory);
        }
        int agree = 0;
        int total = 0;
        int fullRight = 0;
        int quickRight = 0;
        int missing = 0;
        int[] music = new int[4]; // music clips only: agree, total, full right, quick right
        for (Path model : models) {
            Path list = directory.resolve(model.getFileName().toString().replace(".onnx", ".held-out.tsv"));
            int foldAgree = 0;
            int foldTotal = 0;
            try (GenreClassifier classifier = GenreClassifier.open(model, ClassifierOptions.defaults())) {
                TrackAnalyzer analyzer = new TrackAnalyzer(new AudioDecoder().preferringFfmpeg(), classifier);
                for (String line : Files.readAllLines(list)) {
                    String[] fields = line.split("\t", 2);
                    Path clip = Path.of(fields[1]);
                    if (!Files.exists(clip)) {
                        missing++;
                        continue;
                    }
                    TrackPrediction full = analyzer.analyze(clip, AnalysisMode.FULL);
                    TrackPrediction quick = analyzer.analyze(clip, AnalysisMode.QUICK);
                    int[] counts = {full.topGenre().equals(quick.topGenre()) ? 1 : 0, 1,
                        full.topGenre().equals(fields[0]) ? 1 : 0, quick.topGenre().equals(fields[0]) ? 1 : 0};
                    foldAgree += counts[0];
                    foldTotal++;
                    fullRight += counts[2];
                    quickRight += counts[3];
                    if (!fields[0].equals(NonMusicCorpus.LABEL)) {
                        for (int i = 0; i < counts.length; i++) {
                            music[i] += counts[i];
                        }
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%s: quick gives full mode's genre for %d of %d held-out clips%n",
                    model.getFileName(), foldAgree, foldTotal);
            agree += foldAgree;
            total += foldTotal;
        }
        System.out.printf(Locale.ROOT, "all folds: quick gives full mode's genre for %d of %d held-out clips (%.3f); "
                        + "accuracy full %.3f, quick %.3f; %d listed clips no longer exist (generated not-music)%n",
                agree, total, agree / (double) total, fullRight / (double) total, quickRight / (double) total,
                missing);
        System.out.printf(Locale.ROOT, "music clips: quick gives full mode's genre for %d of %d (%.3f); accuracy full "
                + "%.3f, quick %.3f%n", music[0], music[1], music[0] / (double) music[1], music[2] / (double) music[1],
                music[3] / (double) music[1]);
    }

    /** Each genre's clips, in order, joined into MP3 tracks of at most 240 s in {@code <dir>/<genre>/}. */
    private static List<Path> concatenated(List<Path> clips, Path dir) throws IOException, InterruptedException {
        Map<String, List<Path>> byGenre = new TreeMap<>();
        for (Path clip : clips) {
            byGenre.computeIfAbsent(clip.getParent().getFileName().toString(), g -> new ArrayList<>()).add(clip);
        }
        List<Path> out = new ArrayList<>();
        for (var entry : byGenre.entrySet()) {
            Path genreDir = Files.createDirectories(dir.resolve(entry.getKey()));
            List<Path> part = new ArrayList<>();
            double seconds = 0;
            List<Path> genreClips = entry.getValue();
            for (int i = 0; i < genreClips.size(); i++) {
                part.add(genreClips.get(i));
                seconds += Files.size(genreClips.get(i)) / (22_050.0 * 2); // 16-bit mono 22.05 kHz
                if (seconds >= 220 || i == genreClips.size() - 1) {
                    out.add(join(part, genreDir.resolve(entry.getKey() + "-" + out.size() + ".mp3")));
                    part.clear();
                    seconds = 0;
                }
            }
        }
        return out;
    }

    /** The concat filter, not the concat demuxer: GTZAN mixes .au (big-endian) and .wav (little-endian) PCM. */
    private static Path join(List<Path> parts, Path target) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y"));
        StringBuilder graph = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            command.addAll(List.of("-i", parts.get(i).toString()));
            graph.append('[').append(i).append(":a]");
        }
        graph.append("concat=n=").append(parts.size()).append(":v=0:a=1[out]");
        command.addAll(List.of("-filter_complex", graph.toString(), "-map", "[out]", "-t", "240", "-ar", "44100",
                "-ac", "2", target.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException("ffmpeg could not join clips into " + target + ": " + output);
        }
        return target;
    }

    private static List<Path> clips(Path genres) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(genres, 2)) {
            files.filter(Files::isRegularFile).filter(p -> p.toString().matches("(?i).*\\.(au|wav|mp3|flac|ogg)$"))
                    .sorted().forEach(out::add);
        }
        return out;
    }

    private static void count(Map<String, int[]> hits, String truth, String predicted) {
        int[] h = hits.computeIfAbsent(truth, g -> new int[2]);
        h[0] += truth.equals(predicted) ? 1 : 0;
        h[1]++;
    }

    private static void report(String name, Map<String, int[]> hits, int total) {
        int correct = hits.values().stream().mapToInt(h -> h[0]).sum();
        double balanced = hits.values().stream().mapToDouble(h -> h[0] / (double) h[1]).average().orElse(0);
        System.out.printf(Locale.ROOT, "%s: accuracy %.3f (%d of %d), balanced accuracy %.3f%n", name,
                correct / (double) total, correct, total, balanced);
    }
}
