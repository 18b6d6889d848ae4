package org.genrelens.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.inference.Familiarity;
import org.genrelens.inference.WindowAverager;
import org.genrelens.training.baseline.CepstralStatistics;
import org.genrelens.training.sampling.Augmentation;
import org.genrelens.training.sampling.TileSampler;
import org.genrelens.task.Cancellation;
import org.genrelens.task.ProgressListener;
import org.genrelens.training.baseline.BaselineTrainer;
import org.genrelens.training.data.CachedClip;
import org.genrelens.training.data.CachedDataset;
import org.genrelens.training.data.FolderDataset;
import org.genrelens.training.data.LabeledClip;
import org.genrelens.training.data.StratifiedFolds;
import org.genrelens.training.evaluation.ClipPrediction;

/**
 * Issue 12, item 6: is music of a genre the model never learned called uncertain, or confidently wrong? For each
 * genre in turn, the statistics baseline's regression (the start of the bundled network's statistics branch) is fitted
 * on the other genres and classifies the left-out genre's clips: every answer is wrong, so the share at or above a
 * confidence threshold is the share of confident wrong tags such music would get. Beside it, 5-fold cross-validation
 * over all genres shows what the same threshold costs on known genres (how many right answers become "uncertain").
 * Not a JMH benchmark: run with
 * {@code java -cp target/test-classes:target/classes:$CP org.genrelens.bench.LeaveOneGenreOut [GTZAN_DIR]}.
 */
public final class LeaveOneGenreOut {

    private static final double[] THRESHOLDS = {0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
    /** Shares of known music kept familiar ({@link Familiarity}), tried beside the confidence threshold. */
    private static final double[] QUANTILES = {0.8, 0.9, 0.95, 0.99};
    /** Shrinkage of the within-genre correlations towards none (1 = diagonal), from -Dshrinkage. */
    private static final double SHRINKAGE = Double.parseDouble(System.getProperty("shrinkage", "1"));

    private LeaveOneGenreOut() {
    }

    /** A clip's track-level answer: the label index with the highest mean probability, and that probability. */
    private record Answer(String truth, String predicted, double confidence, boolean[] familiar) {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : "../shared/data/gtzan-subset");
        Path genres = Files.isDirectory(root.resolve("genres")) ? root.resolve("genres") : root;
        List<LabeledClip> clips = FolderDataset.scan(genres, Set.of("au", "wav"));
        List<String> labels = List.copyOf(new TreeSet<>(clips.stream().map(LabeledClip::genre).toList()));
        BaselineTrainer trainer = new BaselineTrainer(new AudioDecoder(), BaselineTrainer.Settings.defaults());
        CachedDataset all = new org.genrelens.training.data.SpectrumCache(new AudioDecoder(),
                trainer.settings().spec(), Optional.empty()).load(clips, labels, ProgressListener.NONE,
                        Cancellation.none());

        // each clip's pooled statistics: the regression's part of the bundled model's embedding
        TileSampler grid = new TileSampler(all.spec(), Augmentation.none());
        CepstralStatistics statistics = new CepstralStatistics(trainer.settings().cepstralCoefficients());
        Map<Path, float[]> pooled = new java.util.HashMap<>();
        for (CachedClip clip : all.clips()) {
            pooled.put(clip.clip().file(), WindowAverager.mean(statistics.of(grid.evaluationTiles(clip))));
        }

        List<Answer> unknown = new ArrayList<>();
        System.out.printf(Locale.ROOT, "%-10s %5s  %-44s %s%n", "left out", "clips", "called", "mean confidence");
        for (String genre : labels) {
            List<String> known = labels.stream().filter(l -> !l.equals(genre)).toList();
            CachedDataset training = relabel(all, known, c -> !c.clip().genre().equals(genre));
            CachedDataset leftOut = relabel(all, known, c -> c.clip().genre().equals(genre));
            List<Answer> answers = answers(trainer.predict(trainer.fit(training, Cancellation.none()), leftOut), known,
                    familiarities(training, pooled), pooled);
            unknown.addAll(answers);
            Map<String, Integer> called = new TreeMap<>();
            answers.forEach(a -> called.merge(a.predicted(), 1, Integer::sum));
            System.out.printf(Locale.ROOT, "%-10s %5d  %-44s %.2f%n", genre, answers.size(), called,
                    answers.stream().mapToDouble(Answer::confidence).average().orElse(0));
        }

        List<Answer> knownAnswers = new ArrayList<>();
        List<List<LabeledClip>> folds = StratifiedFolds.split(all.labeledClips(), 5, 42);
        for (int f = 0; f < folds.size(); f++) {
            var fit = trainer.fit(all.subset(StratifiedFolds.allBut(folds, f)), Cancellation.none());
            knownAnswers.addAll(answers(trainer.predict(fit, all.subset(folds.get(f))), labels,
                    familiarities(all.subset(StratifiedFolds.allBut(folds, f)), pooled), pooled));
        }

        System.out.printf(Locale.ROOT, "%nthreshold | unknown genre: confident (wrong), clips | mean over genres"
                + " | known genres, 5-fold by clip: confident and right | confident and wrong | uncertain%n");
        for (double t : THRESHOLDS) {
            long unknownConfident = unknown.stream().filter(a -> a.confidence() >= t).count();
            // per genre first: the 89 classical clips would otherwise outweigh the nine genres of 8
            double perGenre = labels.stream().mapToDouble(g -> unknown.stream().filter(a -> a.truth().equals(g))
                    .mapToDouble(a -> a.confidence() >= t ? 1 : 0).average().orElse(0)).average().orElse(0);
            long right = knownAnswers.stream().filter(a -> a.confidence() >= t && a.predicted().equals(a.truth()))
                    .count();
            long wrong = knownAnswers.stream().filter(a -> a.confidence() >= t && !a.predicted().equals(a.truth()))
                    .count();
            int n = knownAnswers.size();
            System.out.printf(Locale.ROOT, "%.1f       | %3d of %d (%.0f %%)                     | %.0f %%"
                    + "              | %.0f %%                | %.0f %%                | %.0f %%%n", t, unknownConfident,
                    unknown.size(), 100.0 * unknownConfident / unknown.size(), 100 * perGenre, 100.0 * right / n,
                    100.0 * wrong / n,
                    100.0 * (n - right - wrong) / n);
        }
        printFamiliarity(labels, unknown, knownAnswers);
    }

    private static void printFamiliarity(List<String> labels, List<Answer> unknown, List<Answer> knownAnswers) {
        System.out.printf(Locale.ROOT, "%nwith familiarity (confident = at or above the confidence threshold AND "
                + "familiar)%nthreshold | familiar quantile | unknown genre: confident wrong, mean over genres (all "
                + "clips) | known genres: confident and right / confident and wrong / uncertain%n");
        for (double t : new double[] {0.4, 0.5, 0.6}) {
            for (int q = 0; q < QUANTILES.length; q++) {
                int quantile = q;
                java.util.function.Predicate<Answer> sure = a -> a.confidence() >= t && a.familiar()[quantile];
                long unknownConfident = unknown.stream().filter(sure).count();
                double perGenre = labels.stream().mapToDouble(g -> unknown.stream().filter(a -> a.truth().equals(g))
                        .mapToDouble(a -> sure.test(a) ? 1 : 0).average().orElse(0)).average().orElse(0);
                long right = knownAnswers.stream().filter(a -> sure.test(a) && a.predicted().equals(a.truth()))
                        .count();
                long wrong = knownAnswers.stream().filter(a -> sure.test(a) && !a.predicted().equals(a.truth()))
                        .count();
                int n = knownAnswers.size();
                System.out.printf(Locale.ROOT, "%.1f | %.2f | %.0f %% (%.0f %%) | %.0f %% / %.0f %% / %.0f %%%n", t,
                        QUANTILES[q], 100 * perGenre, 100.0 * unknownConfident / unknown.size(), 100.0 * right / n,
                        100.0 * wrong / n, 100.0 * (n - right - wrong) / n);
            }
        }
    }

    /** One familiarity per quantile, fitted on the training clips' pooled statistics. */
    private static Familiarity[] familiarities(CachedDataset training, Map<Path, float[]> pooled) {
        List<float[]> embeddings = training.clips().stream().map(c -> pooled.get(c.clip().file())).toList();
        int[] labels = training.clips().stream().mapToInt(CachedClip::label).toArray();
        Familiarity[] out = new Familiarity[QUANTILES.length];
        for (int q = 0; q < QUANTILES.length; q++) {
            out[q] = Familiarity.fit(embeddings, labels, training.labels().size(), QUANTILES[q], SHRINKAGE);
        }
        return out;
    }

    /** The clips {@code keep} accepts, with their labels renumbered among {@code labels}. */
    private static CachedDataset relabel(CachedDataset all, List<String> labels,
            java.util.function.Predicate<CachedClip> keep) {
        List<CachedClip> clips = new ArrayList<>();
        for (CachedClip clip : all.clips()) {
            if (keep.test(clip)) {
                // a left-out genre's clips have no label among the others: label 0 is never read for them
                clips.add(new CachedClip(clip.clip(), Math.max(0, labels.indexOf(clip.clip().genre())),
                        clip.spectrum()));
            }
        }
        return new CachedDataset(all.spec(), labels, clips, List.of());
    }

    private static List<Answer> answers(List<ClipPrediction> predictions, List<String> labels,
            Familiarity[] familiarities, Map<Path, float[]> pooled) {
        List<Answer> answers = new ArrayList<>();
        for (ClipPrediction prediction : predictions) {
            float[] mean = WindowAverager.mean(prediction.windowProbabilities());
            int best = 0;
            for (int k = 1; k < mean.length; k++) {
                best = mean[k] > mean[best] ? k : best;
            }
            boolean[] familiar = new boolean[familiarities.length];
            for (int q = 0; q < familiar.length; q++) {
                familiar[q] = familiarities[q].familiar(pooled.get(prediction.clip().file()));
            }
            answers.add(new Answer(prediction.clip().genre(), labels.get(best), mean[best], familiar));
        }
        return answers;
    }
}
