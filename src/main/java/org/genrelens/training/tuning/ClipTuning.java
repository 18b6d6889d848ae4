package org.genrelens.training.tuning;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.features.FeatureSpec;
import org.genrelens.task.Cancellation;
import org.genrelens.task.ProgressListener;
import org.genrelens.training.TrainingConfig;
import org.genrelens.training.card.TuningRecord;
import org.genrelens.training.cnn.ModelSpec;
import org.genrelens.training.data.CachedDataset;
import org.genrelens.training.data.DatasetSplit;
import org.genrelens.training.data.LabeledClip;
import org.genrelens.training.data.SpectrumCache;
import org.genrelens.training.data.StratifiedSplit;

/**
 * Tuning on labelled clips as {@code genrelens tune} and the app's Train tab run it: one stratified by-clip split,
 * spectra computed once per FeatureSpec; first the spectrogram and statistics size by each one's regression start
 * ({@link StatisticsFirst}), then Hyperband over the networks on that spectrogram.
 */
public final class ClipTuning {

    /**
     * The share of the budget the statistics-first stage may use; the network search gets the rest and whatever
     * the first stage leaves.
     */
    static final double STATISTICS_SHARE = 0.5;

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
        // one spectrogram's spectra at a time: stage 1 scores each spectrogram's starts one after another and stage 2
        // trains on one, so holding every one tried would only fill the heap (30 of them for GTZAN's 1,000 clips);
        // the winner is computed again (or read from the disk cache) when stage 2 starts
        Map<FeatureSpec, HyperbandTuner.SplitData> computed = new LinkedHashMap<>(4, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<FeatureSpec, HyperbandTuner.SplitData> eldest) {
                return size() > 1;
            }
        };
        Function<FeatureSpec, HyperbandTuner.SplitData> data = featureSpec -> computed.computeIfAbsent(featureSpec,
                spec -> {
                    onFeatures.accept(spec);
                    CachedDataset all = new SpectrumCache(decoder, spec, cache).load(clips, labels,
                            ProgressListener.NONE, cancellation);
                    return new HyperbandTuner.SplitData(all.subset(present(all, split.train())),
                            all.subset(present(all, split.valid())));
                });
        long deadline = System.nanoTime() + budget.timeLimit().toNanos();
        StatisticsFirst.Result first = new StatisticsFirst(data, seed).run(space, labels.size(),
                System.nanoTime() + Math.round(budget.timeLimit().toNanos() * STATISTICS_SHARE), progress,
                cancellation);
        SearchSpace networks = first.best() == null ? space : space.withSpectrogram(
                first.best().config().featureSpec(), first.best().config().network().statistics().coefficients());
        int offset = first.trials().size();
        HyperbandTuner.Result second = new HyperbandTuner(data, seed).tune(networks, labels.size(),
                new HyperbandTuner.Budget(budget.maxEpochsPerTrial(), budget.eta(),
                        Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))),
                (trial, finished) -> progress.onTrial(renumbered(trial, offset), offset + finished), cancellation);
        List<HyperbandTuner.Trial> trials = new ArrayList<>(first.trials());
        second.trials().forEach(trial -> trials.add(renumbered(trial, offset)));
        HyperbandTuner.Trial best = second.best() != null ? renumbered(second.best(), offset)
                : first.best() != null ? startOfBase(first.best(), networks) : null;
        HyperbandTuner.Result result = new HyperbandTuner.Result(List.copyOf(trials), best, second.stoppedEarly());
        String searched = String.format(Locale.ROOT, "stage 1, each spectrogram and statistics size scored at its "
                + "regression start (%d of %d candidates): %s; stage 2, Hyperband over networks on the chosen "
                + "spectrogram: %s", offset, candidates(space), space.describe(), networks.describe());
        Optional<TrainingConfig> chosen = Optional.ofNullable(best).map(b -> b.config().withTuning(
                new TuningRecord(searched, budget.timeLimit().toSeconds() / 60.0, budget.maxEpochsPerTrial(),
                        budget.eta(), trials.size(), b.validBalancedAccuracy(), b.validLoss(),
                        split.name(), split.valid().stream().map(TuningRecord::clipName).toList(), seed)));
        return new Outcome(split, result, chosen);
    }

    /**
     * When no network trial finished in the budget: the chosen spectrogram and statistics size with the base's
     * network. It starts from the same regression, so the start's scores are its scores.
     */
    private static HyperbandTuner.Trial startOfBase(HyperbandTuner.Trial start, SearchSpace networks) {
        ModelSpec base = networks.base().network();
        ModelSpec network = new ModelSpec(base.inputChannels(), start.config().network().classes(),
                base.blockChannels(), base.kernelSize(), base.residual(), base.pooling(), base.denseWidth(),
                base.dropout(), start.config().network().statistics());
        return new HyperbandTuner.Trial(start.id(), start.bracket(), networks.base().withNetwork(network), 0,
                start.validLoss(), start.validBalancedAccuracy(), start.duration());
    }

    private static HyperbandTuner.Trial renumbered(HyperbandTuner.Trial trial, int offset) {
        return new HyperbandTuner.Trial(trial.id() + offset, trial.bracket(), trial.config(), trial.epochs(),
                trial.validLoss(), trial.validBalancedAccuracy(), trial.duration());
    }

    private static long candidates(SearchSpace space) {
        return space.spectrograms().stream().mapToLong(spectrogram -> space.statisticsCoefficients().stream()
                .filter(c -> c > 0 && c <= spectrogram.height()).count()).sum();
    }

    /** Clips that could not be read are left out of both sides. */
    private static List<LabeledClip> present(CachedDataset all, List<LabeledClip> wanted) {
        Set<LabeledClip> loaded = new HashSet<>(all.labeledClips());
        return wanted.stream().filter(loaded::contains).toList();
    }
}
