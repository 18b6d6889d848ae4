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

/**
 * What quick mode costs in accuracy: every clip of a GTZAN-layout folder ({@code genres/<genre>/<files>}) is
 * analysed by the bundled model in full and in quick mode; prints track accuracy and balanced accuracy (mean recall
 * over the genres present) of both, and how often quick mode gives full mode's genre. Not a JMH benchmark: run with
 * {@code java -cp target/test-classes:target/classes:$CP org.genrelens.bench.QuickModeAccuracy DIR [MODEL]}.
 */
public final class QuickModeAccuracy {

    private QuickModeAccuracy() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : "../shared/data/gtzan-subset");
        Path model = Path.of(args.length > 1 ? args[1] : "models/genre-cnn.onnx");
        Path genres = Files.isDirectory(root.resolve("genres")) ? root.resolve("genres") : root;
        List<Path> clips = clips(genres);
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
            System.out.printf(Locale.ROOT, "%d clips in %s, model %s%n", clips.size(), genres, model);
            System.out.printf(Locale.ROOT, "windows per clip: full %.1f, quick %.1f%n",
                    windowsFull / (double) clips.size(), windowsQuick / (double) clips.size());
            report("full ", fullHits, clips.size());
            report("quick", quickHits, clips.size());
            System.out.printf(Locale.ROOT, "quick gives full mode's genre for %d of %d clips (%.3f)%n", agree,
                    clips.size(), agree / (double) clips.size());
        }
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
