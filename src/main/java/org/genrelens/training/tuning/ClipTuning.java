package org.genrelens.training.tuning;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.features.FeatureSpec;
import org.genrelens.task.Cancellation;
import org.genrelens.task.ProgressListener;
import org.genrelens.training.TrainingConfig;
import org.genrelens.training.card.TuningRecord;
import org.genrelens.training.data.CachedDataset;
import org.genrelens.training.data.DatasetSplit;
import org.genrelens.training.data.LabeledClip;
import org.genrelens.training.data.SpectrumCache;
import org.genrelens.training.data.StratifiedSplit;

/**
 * Hyperband on labelled clips as {@code genrelens tune} and the app's Train tab run it: one stratified by-clip
 * split, spectra computed once per FeatureSpec the tuner asks for.
 */
public final class ClipTuning {

    /**
     * The split the trials were scored on, the tuner's result, and the winner as a configuration that records how
     * it was chosen (empty when no trial finished).
     */
    public record Outcome(DatasetSplit split, HyperbandTuner.Result result, Optional<TrainingConfig> chosen) {
    }

    private final AudioDecoder decoder;
    private final Optional<Path> cache;
    private final Consumer<FeatureSpec> onFeatures;

    /**
     * @param cache      where spectra are kept between runs, if anywhere
     * @param onFeatures told before the spectra of a new FeatureSpec are computed (that takes a while)
     */
    public ClipTuning(AudioDecoder decoder, Optional<Path> cache, Consumer<FeatureSpec> onFeatures) {
        this.decoder = decoder;
        this.cache = cache;
        this.onFeatures = onFeatures;
    }

    /** Tunes over the space (usually {@link SearchSpace#standard} around the user's spectrogram settings). */
    public Outcome tune(List<LabeledClip> clips, SearchSpace space, HyperbandTuner.Budget budget,
            HyperbandTuner.TuningProgress progress, Cancellation cancellation) {
        long seed = space.base().settings().seed();
        List<String> labels = List.copyOf(new TreeSet<>(clips.stream().map(LabeledClip::genre).toList()));
        if (labels.size() < 2) {
            throw new IllegalArgumentException("tuning needs clips of at least two genres, found " + labels);
        }
        DatasetSplit split = StratifiedSplit.split(clips, 0.2, 0.0, seed);
        Map<FeatureSpec, HyperbandTuner.SplitData> computed = new HashMap<>();
        HyperbandTuner tuner = new HyperbandTuner(featureSpec -> computed.computeIfAbsent(featureSpec, spec -> {
            onFeatures.accept(spec);
            CachedDataset all = new SpectrumCache(decoder, spec, cache).load(clips, labels, ProgressListener.NONE,
                    cancellation);
            return new HyperbandTuner.SplitData(all.subset(present(all, split.train())),
                    all.subset(present(all, split.valid())));
        }), seed);
        HyperbandTuner.Result result = tuner.tune(space, labels.size(), budget, progress, cancellation);
        Optional<TrainingConfig> chosen = Optional.ofNullable(result.best()).map(best -> best.config().withTuning(
                new TuningRecord(space.describe(), budget.timeLimit().toSeconds() / 60.0, budget.maxEpochsPerTrial(),
                        budget.eta(), result.trials().size(), best.validBalancedAccuracy(), best.validLoss(),
                        split.name(), split.valid().stream().map(TuningRecord::clipName).toList(), seed)));
        return new Outcome(split, result, chosen);
    }

    /** Clips that could not be read are left out of both sides. */
    private static List<LabeledClip> present(CachedDataset all, List<LabeledClip> wanted) {
        Set<LabeledClip> loaded = new HashSet<>(all.labeledClips());
        return wanted.stream().filter(loaded::contains).toList();
    }
}
