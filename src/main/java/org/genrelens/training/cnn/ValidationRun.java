package org.genrelens.training.cnn;

import ai.djl.training.Trainer;
import java.util.ArrayList;
import java.util.List;
import org.genrelens.features.Tiles;
import org.genrelens.inference.WindowAverager;
import org.genrelens.training.data.CachedClip;
import org.genrelens.training.data.CachedDataset;
import org.genrelens.training.evaluation.ClassificationMetrics;
import org.genrelens.training.evaluation.ClipPrediction;
import org.genrelens.training.sampling.TileSampler;

/**
 * Eval-mode pass over validation clips on the inference grid: a class-balanced window cross-entropy (so 89
 * classical clips do not drown 8 of each other genre) and track-level balanced accuracy.
 */
final class ValidationRun {

    record Result(double loss, double balancedAccuracy, List<ClipPrediction> predictions) {
    }

    private final TileSampler sampler;
    private final int batchSize;

    ValidationRun(TileSampler sampler, int batchSize) {
        this.sampler = sampler;
        this.batchSize = batchSize;
    }

    Result run(Trainer trainer, CachedDataset valid) {
        int classes = valid.labels().size();
        double[] lossPerClass = new double[classes];
        long[] windowsPerClass = new long[classes];
        int[] truth = new int[valid.clips().size()];
        int[] predicted = new int[truth.length];
        List<ClipPrediction> predictions = new ArrayList<>();
        for (int c = 0; c < truth.length; c++) {
            CachedClip clip = valid.clips().get(c);
            float[][] windows = windowProbabilities(trainer, sampler.evaluationTiles(clip), classes);
            for (float[] window : windows) {
                lossPerClass[clip.label()] -= Math.log(Math.max(window[clip.label()], 1e-7f));
                windowsPerClass[clip.label()]++;
            }
            truth[c] = clip.label();
            predicted[c] = argMax(WindowAverager.mean(windows));
            predictions.add(new ClipPrediction(clip.clip(), windows));
        }
        double loss = 0;
        int present = 0;
        for (int k = 0; k < classes; k++) {
            if (windowsPerClass[k] > 0) {
                loss += lossPerClass[k] / windowsPerClass[k];
                present++;
            }
        }
        double balanced = ClassificationMetrics.of(valid.labels(), truth, predicted).balancedAccuracy();
        return new Result(loss / Math.max(1, present), balanced, predictions);
    }

    float[][] windowProbabilities(Trainer trainer, Tiles tiles, int classes) {
        return EvalForward.windowProbabilities(trainer.getManager(), trainer::evaluate, tiles, classes, batchSize);
    }

    private static int argMax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
