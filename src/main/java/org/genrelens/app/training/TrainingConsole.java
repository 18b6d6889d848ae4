package org.genrelens.app.training;

import org.genrelens.app.TerminalProgress;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.genrelens.inference.WindowAverager;
import org.genrelens.training.TrainingRecipe;
import org.genrelens.training.cnn.EpochReport;
import org.genrelens.training.cnn.TrainedModel;
import org.genrelens.training.cnn.TrainingSettings;
import org.genrelens.training.data.LabeledClip;
import org.genrelens.training.evaluation.ClipPrediction;

/**
 * What {@code genrelens train} prints: a line per stage and epoch, a bar per step. It also keeps each ensemble
 * member's held-out predictions per fold for the report.
 */
public final class TrainingConsole implements TrainingRecipe.Listener {
    private final PrintWriter err;
    private final TerminalProgress bar;
    private final int batchSize;
    private final List<String> memberPredictions = new ArrayList<>();
    private Optional<Path> foldModels = Optional.empty();
    private int stepsThisEpoch;
    private long epochStarted = System.nanoTime();

    TrainingConsole(PrintWriter err, int batchSize) {
        this.err = err;
        this.bar = new TerminalProgress(err);
        this.batchSize = batchSize;
    }

    @Override
    public void onStage(String stage) {
        bar.finish();
        err.println("== " + stage);
    }

    @Override
    public org.genrelens.task.ProgressListener featureProgress() {
        return bar;
    }

    @Override
    public void onStep(int epoch, int step, int steps, double loss) {
        if (step == 1) {
            epochStarted = System.nanoTime();
        }
        stepsThisEpoch = steps;
        bar.onProgress(step, steps, "");
    }

    @Override
    public void onEpoch(EpochReport r) {
        bar.finish();
        // seconds of training steps and validation, per 1,000 training windows: the epoch-time benchmark
        double seconds = (System.nanoTime() - epochStarted) / 1e9;
        long windows = (long) stepsThisEpoch * batchSize;
        err.printf(Locale.ROOT, "epoch %2d/%d  loss %.3f  acc %.3f | valid loss %.3f  balanced acc %.3f | "
                        + "lr %.1e%s  %.1fs (~%d windows, %.1fs per 1000)  eta %ds%n", r.epoch(), r.maxEpochs(),
                r.trainLoss(), r.trainAccuracy(), r.validLoss(), r.validBalancedAccuracy(), r.learningRate(),
                r.best() ? "  *best*" : "", seconds, windows, windows == 0 ? 0 : seconds * 1000 / windows,
                r.eta().toSeconds());
    }

    /** Also write each fold's network, with the clips it never saw, into {@code directory}. */
    TrainingConsole writingFoldModelsTo(Path directory) {
        foldModels = Optional.of(directory);
        return this;
    }

    @Override
    public void onFoldModel(int fold, int member, TrainedModel model, TrainingSettings settings,
            List<LabeledClip> heldOut) {
        if (foldModels.isEmpty()) {
            return;
        }
        String name = "fold-" + fold + (member > 0 ? "-seed-" + (member + 1) : "");
        try {
            Path directory = Files.createDirectories(foldModels.get());
            List<String> clips = heldOut.stream().map(c -> c.genre() + "\t" + c.file().toAbsolutePath()).toList();
            model.export(directory.resolve(name + ".onnx"), settings,
                    Map.of("fold", fold, "heldOutClips", clips.size()), Map.of());
            Files.write(directory.resolve(name + ".held-out.tsv"), clips);
            bar.finish();
            err.println("wrote " + directory.resolve(name + ".onnx") + " and the " + clips.size()
                    + " clips it never saw (" + name + ".held-out.tsv)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model of fold " + fold + " into "
                    + foldModels.get() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void onFoldPredictions(int fold, List<List<ClipPrediction>> members) {
        for (int m = 0; m < members.size(); m++) {
            for (var prediction : members.get(m)) {
                float[] mean = WindowAverager.mean(prediction.windowProbabilities());
                StringBuilder line = new StringBuilder().append(fold).append('\t').append(m).append('\t')
                        .append(prediction.clip().genre()).append('\t').append(prediction.clip().file());
                for (float p : mean) {
                    line.append('\t').append(String.format(Locale.ROOT, "%.5f", p));
                }
                memberPredictions.add(line.toString());
            }
        }
    }

    /** fold, member, true genre, file, then the member's track-level probabilities in label order. */
    List<String> memberPredictions() {
        return memberPredictions;
    }

    void finish() {
        bar.finish();
    }
}
