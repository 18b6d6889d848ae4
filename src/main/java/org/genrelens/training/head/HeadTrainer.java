package org.genrelens.training.head;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.genrelens.inference.Familiarity;
import org.genrelens.task.Cancellation;
import org.genrelens.training.baseline.BaselinePredictor;
import org.genrelens.training.baseline.SoftmaxRegression;
import org.genrelens.training.card.FoldScores;
import org.genrelens.training.data.LabeledClip;
import org.genrelens.training.data.StratifiedFolds;
import org.genrelens.training.evaluation.ClipPrediction;
import org.genrelens.training.evaluation.EvaluationReport;

/**
 * Fits a logistic-regression head on pooled embeddings: first K folds that keep each group (artist, else album) on
 * one side, each clip predicted by the head fitted without its fold, then one head on every clip. Genres are weighted
 * by inverse frequency so a small genre counts as much as a large one, as the statistics baseline does. The head
 * also learns what music it knows ({@link Familiarity}): a track far from every genre it learned is called uncertain.
 */
public final class HeadTrainer {

    /** The settings of the fit: L2 on standardised embeddings, full-batch Adam steps and rate. */
    public record Settings(int folds, long seed, double l2, int iterations, double learningRate,
            double familiarQuantile) {

        public Settings {
            if (folds == 1 || folds < 0) {
                throw new IllegalArgumentException("folds must be 0 (none) or at least 2, was " + folds);
            }
            if (!(familiarQuantile > 0 && familiarQuantile <= 1)) {
                throw new IllegalArgumentException("the familiar share must be in (0, 1], was " + familiarQuantile);
            }
        }

        public Settings(int folds, long seed, double l2, int iterations, double learningRate) {
            this(folds, seed, l2, iterations, learningRate, Familiarity.DEFAULT_QUANTILE);
        }

        /**
         * 5 folds, seed 42, the statistics baseline's L2, steps and rate (decision record 10), and familiarity at the
         * default share (decision record 23).
         */
        public static Settings defaults() {
            return new Settings(5, 42L, 0.03, 400, 0.05);
        }
    }

    /**
     * @param labels          the genres, in the head's output order
     * @param crossValidation each clip's held-out prediction, scored; empty without folds
     * @param folds           each fold's balanced accuracy; empty without folds
     * @param head            the head fitted on every clip
     */
    public record Outcome(List<String> labels, Optional<EvaluationReport> crossValidation, Optional<FoldScores> folds,
            SoftmaxRegression.Fit head, Optional<Familiarity> familiarity) {
    }

    private final Settings settings;

    public HeadTrainer(Settings settings) {
        this.settings = settings;
    }

    public Outcome train(List<EmbeddedClip> clips, Cancellation cancellation) {
        List<String> labels = clips.stream().map(c -> c.clip().genre()).distinct().sorted().toList();
        if (labels.size() < 2) {
            throw new IllegalArgumentException("a head needs at least two genres, got " + labels);
        }
        int width = clips.get(0).embedding().length;
        for (EmbeddedClip clip : clips) {
            if (clip.embedding().length != width) {
                throw new IllegalArgumentException(clip.clip().file() + " has an embedding of "
                        + clip.embedding().length + " values, the others " + width + "; analyse again with one model");
            }
        }
        Optional<EvaluationReport> report = Optional.empty();
        Optional<FoldScores> foldScores = Optional.empty();
        if (settings.folds() > 0) {
            Map<LabeledClip, EmbeddedClip> byClip = new IdentityHashMap<>();
            clips.forEach(c -> byClip.put(c.clip(), c));
            List<List<LabeledClip>> folds = StratifiedFolds.split(clips.stream().map(EmbeddedClip::clip).toList(),
                    settings.folds(), settings.seed());
            // folds are independent plain-Java fits: one per core
            List<List<ClipPrediction>> perFold = IntStream.range(0, folds.size()).parallel().mapToObj(k -> {
                List<EmbeddedClip> training = StratifiedFolds.allBut(folds, k).stream().map(byClip::get).toList();
                SoftmaxRegression.Fit fit = fit(training, labels, cancellation);
                return folds.get(k).stream().map(c -> predict(fit, byClip.get(c))).toList();
            }).toList();
            List<ClipPrediction> predictions = new ArrayList<>();
            List<Double> scores = new ArrayList<>();
            for (int k = 0; k < perFold.size(); k++) {
                predictions.addAll(perFold.get(k));
                scores.add(EvaluationReport.of("fold " + (k + 1), labels, perFold.get(k), List.of()).trackLevel()
                        .balancedAccuracy());
            }
            report = Optional.of(EvaluationReport.of(splitName(clips), labels, predictions, List.of()));
            foldScores = Optional.of(FoldScores.of(scores));
        }
        int[] y = clips.stream().mapToInt(c -> labels.indexOf(c.clip().genre())).toArray();
        return new Outcome(labels, report, foldScores, fit(clips, labels, cancellation), familiarity(clips, y,
                labels.size()));
    }

    /** What music the head knows; none when no genre has two tracks to calibrate on (the head then has none). */
    private Optional<Familiarity> familiarity(List<EmbeddedClip> clips, int[] labels, int genres) {
        try {
            return Optional.of(Familiarity.fit(clips.stream().map(EmbeddedClip::embedding).toList(), labels, genres,
                    settings.familiarQuantile()));
        } catch (IllegalArgumentException tooFew) {
            return Optional.empty();
        }
    }

    /** "5-fold-by-artist" when clips carry groups, else "5-fold-by-clip". */
    private String splitName(List<EmbeddedClip> clips) {
        boolean grouped = clips.stream().anyMatch(c -> c.clip().group() != null);
        return settings.folds() + "-fold-by-" + (grouped ? "artist" : "clip");
    }

    private SoftmaxRegression.Fit fit(List<EmbeddedClip> clips, List<String> labels, Cancellation cancellation) {
        float[][] x = new float[clips.size()][];
        int[] y = new int[clips.size()];
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < x.length; i++) {
            x[i] = clips.get(i).embedding();
            y[i] = labels.indexOf(clips.get(i).clip().genre());
            counts.merge(clips.get(i).clip().genre(), 1, Integer::sum);
        }
        double[] classWeights = new double[labels.size()];
        for (int k = 0; k < labels.size(); k++) {
            int count = counts.getOrDefault(labels.get(k), 0);
            classWeights[k] = count == 0 ? 0 : (double) x.length / (labels.size() * count);
        }
        return new SoftmaxRegression(settings.l2(), settings.iterations(), settings.learningRate())
                .fit(x, y, labels.size(), classWeights, cancellation);
    }

    private static ClipPrediction predict(SoftmaxRegression.Fit fit, EmbeddedClip clip) {
        double[] p = BaselinePredictor.windowProbabilities(fit, clip.embedding());
        float[] row = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            row[i] = (float) p[i];
        }
        return new ClipPrediction(clip.clip(), new float[][] {row});
    }
}
