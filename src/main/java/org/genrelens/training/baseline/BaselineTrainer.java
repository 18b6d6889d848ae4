package org.genrelens.training.baseline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.features.FeatureSpec;
import org.genrelens.inference.ModelCard;
import org.genrelens.task.Cancellation;
import org.genrelens.task.ProgressListener;
import org.genrelens.training.card.BaselineMetrics;
import org.genrelens.training.card.FoldScores;
import org.genrelens.training.card.MusicOnlyScores;
import org.genrelens.training.card.StatisticsModelSpec;
import org.genrelens.training.card.TrainingProvenance;
import org.genrelens.training.data.CachedClip;
import org.genrelens.training.data.CachedDataset;
import org.genrelens.training.data.DatasetSummary;
import org.genrelens.training.data.LabeledClip;
import org.genrelens.training.data.NonMusicCorpus;
import org.genrelens.training.data.SpectrumCache;
import org.genrelens.training.data.StratifiedFolds;
import org.genrelens.training.evaluation.ClassificationMetrics;
import org.genrelens.training.evaluation.ClipPrediction;
import org.genrelens.training.sampling.Augmentation;
import org.genrelens.training.sampling.TileSampler;

/**
 * Trains the statistics baseline (logistic regression on per-band mean and spread of the model's own tiles),
 * reports its track-level k-fold-by-clip cross-validation, then fits on every clip and exports the ONNX
 * model with its card. It is the stand-in model until the CNN trainer exists, and the baseline a CNN must beat.
 */
public final class BaselineTrainer {

    /**
     * Training settings; all of them go into the card.
     *
     * @param cepstralCoefficients features: 0 = mean and spread of every band ({@link TileStatistics}); n = mean
     *                             and spread of n cepstral coefficients and their deltas ({@link CepstralStatistics})
     */
    public record Settings(FeatureSpec spec, int folds, long seed, double l2, int iterations, double learningRate,
            int cepstralCoefficients) {
        public Settings {
            if (cepstralCoefficients < 0) {
                throw new IllegalArgumentException("cepstralCoefficients must be 0 (band statistics) or more");
            }
        }

        /** Band statistics, the features before decision record 10. */
        public Settings(FeatureSpec spec, int folds, long seed, double l2, int iterations, double learningRate) {
            this(spec, folds, seed, l2, iterations, learningRate, 0);
        }

        /** 40 cepstral coefficients of the bundled CNN's 64-band tiles, L2 0.03 (decision record 10). */
        public static Settings defaults() {
            return new Settings(BUNDLED_TILES, 5, 42L, 0.03, 400, 0.05, 40);
        }

        /** The row of features the model computes from each tile. */
        float[][] features(org.genrelens.features.Tiles tiles) {
            return cepstralCoefficients == 0 ? TileStatistics.of(tiles)
                    : new CepstralStatistics(cepstralCoefficients).of(tiles);
        }

        void writeModel(Path target, SoftmaxRegression.Fit fit) throws IOException {
            if (cepstralCoefficients == 0) {
                StatisticsModelWriter.write(target, spec, fit);
            } else {
                new CepstralStatistics(cepstralCoefficients).writeModel(target, spec, fit);
            }
        }
    }

    /** The bundled CNN's tiles: 64 mel bands, hop 1024, so one graph can average the two models. */
    public static final FeatureSpec BUNDLED_TILES = bundledTiles();

    private static FeatureSpec bundledTiles() {
        FeatureSpec mel = FeatureSpec.defaultMel();
        return new FeatureSpec(mel.type(), mel.sampleRate(), mel.windowSeconds(), mel.windowHopSeconds(),
                mel.fftSizes(), 1024, 64, mel.fMin(), mel.fMax(), mel.stftScale(), mel.dbReference(), mel.topDb(),
                mel.normMean(), mel.normStd());
    }

    /** What training produced. */
    public record Result(Path model, ModelCard card, ClassificationMetrics crossValidation,
            List<Double> foldBalancedAccuracies, List<String> skipped) {
    }

    private final AudioDecoder decoder;
    private final Settings settings;

    public BaselineTrainer(AudioDecoder decoder, Settings settings) {
        this.decoder = decoder;
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    public Result train(List<LabeledClip> clips, Path datasetRoot, Path target, ProgressListener progress,
            Cancellation cancellation) throws IOException {
        List<String> labels = List.copyOf(new TreeSet<>(clips.stream().map(LabeledClip::genre).toList()));
        CachedDataset extracted = new SpectrumCache(decoder, settings.spec(), java.util.Optional.empty())
                .load(clips, labels, progress, cancellation);
        TileSampler grid = new TileSampler(settings.spec(), Augmentation.none());
        List<ClipFeatures> usable = extracted.clips().stream()
                .map(c -> new ClipFeatures(c.clip(), c.label(), settings.features(grid.evaluationTiles(c))))
                .toList();
        List<LabeledClip> usableClips = usable.stream().map(ClipFeatures::clip).toList();
        Map<LabeledClip, ClipFeatures> byClip = new LinkedHashMap<>();
        usable.forEach(f -> byClip.put(f.clip(), f));

        List<List<LabeledClip>> folds = StratifiedFolds.split(usableClips, settings.folds(), settings.seed());
        List<Integer> truth = new ArrayList<>();
        List<Integer> predicted = new ArrayList<>();
        List<Double> foldScores = new ArrayList<>();
        for (int f = 0; f < folds.size(); f++) {
            progress.onProgress(f, folds.size() + 1L, "cross-validation fold " + (f + 1) + " of " + folds.size());
            SoftmaxRegression.Fit fit = fit(select(byClip, StratifiedFolds.allBut(folds, f)), labels.size(),
                    cancellation);
            int[] foldTruth = new int[folds.get(f).size()];
            int[] foldPredicted = new int[foldTruth.length];
            for (int i = 0; i < foldTruth.length; i++) {
                ClipFeatures held = byClip.get(folds.get(f).get(i));
                foldTruth[i] = held.label();
                foldPredicted[i] = BaselinePredictor.predictClip(fit, held.tileRows());
                truth.add(foldTruth[i]);
                predicted.add(foldPredicted[i]);
            }
            foldScores.add(ClassificationMetrics.of(labels, foldTruth, foldPredicted).balancedAccuracy());
        }
        ClassificationMetrics crossValidation = ClassificationMetrics.of(labels,
                truth.stream().mapToInt(Integer::intValue).toArray(),
                predicted.stream().mapToInt(Integer::intValue).toArray());

        progress.onProgress(folds.size(), folds.size() + 1L, "fitting on all " + usable.size() + " clips");
        SoftmaxRegression.Fit finalFit = fit(usable, labels.size(), cancellation);
        settings.writeModel(target, finalFit);
        ModelCard card = card(target, labels, datasetRoot, usableClips, extracted.skipped(), crossValidation,
                foldScores);
        card.write(ModelCard.cardPathFor(target));
        progress.onProgress(folds.size() + 1L, folds.size() + 1L, "wrote " + target);
        return new Result(target, card, crossValidation, List.copyOf(foldScores), extracted.skipped());
    }

    /** Fits on every clip of {@code training} (features from its inference-grid tiles). */
    public SoftmaxRegression.Fit fit(CachedDataset training, Cancellation cancellation) {
        TileSampler grid = new TileSampler(training.spec(), Augmentation.none());
        return fit(training.clips().stream()
                .map(c -> new ClipFeatures(c.clip(), c.label(), settings.features(grid.evaluationTiles(c))))
                .toList(), training.labels().size(), cancellation);
    }

    /** Window probabilities of held-out clips, as the exported graph computes them. */
    public List<ClipPrediction> predict(SoftmaxRegression.Fit fit, CachedDataset heldOut) {
        TileSampler grid = new TileSampler(heldOut.spec(), Augmentation.none());
        List<ClipPrediction> predictions = new ArrayList<>();
        for (CachedClip clip : heldOut.clips()) {
            float[][] rows = settings.features(grid.evaluationTiles(clip));
            float[][] windows = new float[rows.length][];
            for (int w = 0; w < rows.length; w++) {
                double[] p = BaselinePredictor.windowProbabilities(fit, rows[w]);
                windows[w] = new float[p.length];
                for (int k = 0; k < p.length; k++) {
                    windows[w][k] = (float) p[k];
                }
            }
            predictions.add(new ClipPrediction(clip.clip(), windows));
        }
        return predictions;
    }

    public void writeModel(Path target, SoftmaxRegression.Fit fit) throws IOException {
        settings.writeModel(target, fit);
    }

    private SoftmaxRegression.Fit fit(List<ClipFeatures> training, int classes, Cancellation cancellation) {
        List<float[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        double[] tilesPerClass = new double[classes];
        for (ClipFeatures clip : training) {
            for (float[] row : clip.tileRows()) {
                rows.add(row);
                labels.add(clip.label());
                tilesPerClass[clip.label()]++;
            }
        }
        // inverse frequency: every genre weighs the same in the loss, however many clips it has
        double[] classWeights = new double[classes];
        for (int k = 0; k < classes; k++) {
            classWeights[k] = tilesPerClass[k] == 0 ? 0 : rows.size() / (classes * tilesPerClass[k]);
        }
        return new SoftmaxRegression(settings.l2(), settings.iterations(), settings.learningRate())
                .fit(rows.toArray(float[][]::new), labels.stream().mapToInt(Integer::intValue).toArray(), classes,
                        classWeights, cancellation);
    }

    private static List<ClipFeatures> select(Map<LabeledClip, ClipFeatures> byClip, List<LabeledClip> clips) {
        return clips.stream().map(byClip::get).toList();
    }

    private ModelCard card(Path target, List<String> labels, Path datasetRoot, List<LabeledClip> clips,
            List<String> skipped, ClassificationMetrics crossValidation, List<Double> foldScores) throws IOException {
        String version = BaselineTrainer.class.getPackage().getImplementationVersion();
        TrainingProvenance provenance = new TrainingProvenance(
                "GenreLens statistics baseline (multinomial logistic regression, Adam, L2)",
                datasetRoot.toAbsolutePath().normalize().getFileName().toString(), clips.size(),
                DatasetSummary.countsByGenre(clips), Optional.of(DatasetSummary.listHash(datasetRoot, clips)),
                skipped, Optional.empty(), Optional.empty(), settings.seed(), Optional.empty(),
                TrainingProvenance.runningJava(), Optional.of(version == null ? "development build" : version),
                Optional.empty(), Optional.empty());

        StatisticsModelSpec modelSpec = new StatisticsModelSpec(settings.cepstralCoefficients() == 0
                ? "per (channel, band): mean and standard deviation over the tile's frames"
                : "per channel: " + settings.cepstralCoefficients() + " cepstral coefficients (orthonormal DCT-II of "
                        + "each frame's bands) and their frame-to-frame deltas; mean and standard deviation of each "
                        + "over the tile's frames", settings.cepstralCoefficients(), settings.l2(),
                settings.iterations(), settings.learningRate(), "inverse tile frequency");

        BaselineMetrics metrics = new BaselineMetrics(settings.folds() + "-fold cross-validation by clip, stratified "
                + "by genre, seed " + settings.seed() + "; track level (window probabilities averaged); no clip on "
                + "both sides", crossValidation, labels.contains(NonMusicCorpus.LABEL)
                        ? Optional.of(MusicOnlyScores.of(crossValidation, NonMusicCorpus.LABEL)) : Optional.empty(),
                FoldScores.of(foldScores));

        String name = target.getFileName().toString().replaceFirst("\\.onnx$", "");
        return ModelCard.describe(target, name, labels, settings.spec(), provenance.toMap(), modelSpec.toMap(),
                metrics.toMap());
    }
}
