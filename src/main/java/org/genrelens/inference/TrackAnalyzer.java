package org.genrelens.inference;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.genrelens.audio.AudioDecodeException;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.audio.DecodedExcerpts;
import org.genrelens.audio.StreamedAudio;
import org.genrelens.features.FeatureSpec;
import org.genrelens.features.TileExtractor;
import org.genrelens.features.Tiles;
import org.genrelens.features.TrackSpectrum;
import org.genrelens.model.AnalysisMode;
import org.genrelens.model.TrackPrediction;
import org.genrelens.task.Cancellation;

/**
 * The analysis chain for one file: decode → tiles → classify. A full analysis streams (decision record 0019): the
 * windows are cut and classified while the track is decoded, so its memory does not grow with the track's length.
 * Thread-safe: the decoder, the extractor and the
 * ONNX session may all be shared by worker threads.
 */
public final class TrackAnalyzer {

    /** Windows a quick analysis classifies. */
    public static final int QUICK_WINDOWS = 4;

    private final AudioDecoder decoder;
    private final GenreClassifier classifier;
    private final TileExtractor extractor;

    /** Analyses with the classifier's own FeatureSpec. */
    public TrackAnalyzer(AudioDecoder decoder, GenreClassifier classifier) {
        this(decoder, classifier, classifier.featureSpec());
    }

    /**
     * Analyses with a spec that may differ from the model's only in where windows start (the window hop):
     * the tile geometry must be the one the model was trained on.
     */
    public TrackAnalyzer(AudioDecoder decoder, GenreClassifier classifier, FeatureSpec spec) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        if (!spec.withWindowHopSeconds(classifier.featureSpec().windowHopSeconds())
                .equals(classifier.featureSpec())) {
            throw new IllegalArgumentException("the feature spec may only change the window hop of the model's spec: "
                    + spec.canonicalText() + " vs " + classifier.featureSpec().canonicalText());
        }
        this.extractor = new TileExtractor(spec);
    }

    public TrackPrediction analyze(Path file) throws AudioDecodeException {
        return analyzeWithDuration(file).prediction();
    }

    public TrackPrediction analyze(Path file, AnalysisMode mode) throws AudioDecodeException {
        return analyzeWithDuration(file, mode, Cancellation.none()).prediction();
    }

    /** The prediction and the decoded track's length, for callers that store both. */
    public Analysed analyzeWithDuration(Path file) throws AudioDecodeException {
        return analyzeWithDuration(file, AnalysisMode.FULL, Cancellation.none());
    }

    /**
     * Full mode classifies every window; quick mode {@link #QUICK_WINDOWS} windows of the same grid spread evenly
     * over the track (the centres of equal parts, so intros and outros weigh less), decoding only those parts where
     * the decoder can seek ({@link AudioDecoder#decodeExcerpts}). A track with no more windows than that is analysed
     * in full either way.
     *
     * @throws org.genrelens.task.CancelledException when cancelled
     */
    public Analysed analyzeWithDuration(Path file, AnalysisMode mode, Cancellation cancellation)
            throws AudioDecodeException {
        Objects.requireNonNull(mode, "mode");
        if (mode == AnalysisMode.QUICK) {
            return quick(file, cancellation);
        }
        StreamedAudio<WindowStream> streamed = decoder.stream(file, extractor.spec().sampleRate(),
                () -> new WindowStream(extractor, classifier), cancellation);
        if (streamed.samples() == 0) {
            throw noSamples(file);
        }
        return new Analysed(streamed.sink().finish(), streamed.durationSeconds());
    }

    private Analysed quick(Path file, Cancellation cancellation) throws AudioDecodeException {
        QuickPlan plan = new QuickPlan(extractor.spec());
        return classifyQuick(file, decoder.decodeExcerpts(file, plan.spec.sampleRate(), plan.excerptSamples, plan,
                cancellation), plan);
    }

    /** One file's quick analysis, or why it failed. */
    public record Outcome(Path file, Analysed analysed, AudioDecodeException error) {
    }

    /**
     * Quick analyses of several files: the decoder reads all their excerpts through one ffmpeg process where it
     * can ({@link AudioDecoder#decodeExcerpts(List, int, int, DecodedExcerpts.Plan, Cancellation)}), which costs
     * much less than one process per file. Each file succeeds or fails on its own; one outcome per file, in order.
     *
     * @throws org.genrelens.task.CancelledException when cancelled
     */
    public List<Outcome> analyzeQuick(List<Path> files, Cancellation cancellation) {
        QuickPlan plan = new QuickPlan(extractor.spec());
        List<Outcome> out = new ArrayList<>();
        for (DecodedExcerpts.Outcome decoded : decoder.decodeExcerpts(files, plan.spec.sampleRate(),
                plan.excerptSamples, plan, cancellation)) {
            if (decoded.error() != null) {
                out.add(new Outcome(decoded.file(), null, decoded.error()));
                continue;
            }
            try {
                out.add(new Outcome(decoded.file(), classifyQuick(decoded.file(), decoded.excerpts(), plan), null));
            } catch (AudioDecodeException e) {
                out.add(new Outcome(decoded.file(), null, e));
            }
        }
        return out;
    }

    /**
     * Where quick mode's windows are: {@link #QUICK_WINDOWS} windows of the full grid, spread; each excerpt starts
     * {@code lead} whole frames before its window (so the window's STFT frames see real audio on both sides, as
     * in full mode) and ends as many after it.
     */
    private static final class QuickPlan implements DecodedExcerpts.Plan {
        final FeatureSpec spec;
        final int hop;
        final int lead;
        final int excerptSamples;

        QuickPlan(FeatureSpec spec) {
            this.spec = spec;
            this.hop = spec.hopLength();
            int maxFft = spec.fftSizes().stream().mapToInt(Integer::intValue).max().orElseThrow();
            this.lead = (maxFft / 2 + hop - 1) / hop;
            this.excerptSamples = (2 * lead + spec.framesPerWindow()) * hop;
        }

        /** The grid windows to classify, or null when the track has no more than {@link #QUICK_WINDOWS}. */
        int[] windows(long trackSamples) {
            int windows = spec.windowCount(1 + (int) Math.min(Integer.MAX_VALUE - 1, trackSamples / hop));
            return windows <= QUICK_WINDOWS ? null : spread(windows);
        }

        @Override
        public long[] startSamples(long trackSamples) {
            int[] chosen = windows(trackSamples);
            if (chosen == null) {
                return null;
            }
            long[] starts = new long[chosen.length];
            for (int i = 0; i < starts.length; i++) {
                starts[i] = Math.max(0L, (long) (spec.windowStartFrame(chosen[i]) - lead) * hop);
            }
            return starts;
        }
    }

    private Analysed classifyQuick(Path file, DecodedExcerpts parts, QuickPlan plan) throws AudioDecodeException {
        FeatureSpec spec = plan.spec;
        int hop = plan.hop;
        if (parts.whole()) {
            float[] samples = parts.excerpts().get(0);
            requireSamples(file, samples);
            TrackSpectrum spectrum = extractor.spectrum(samples);
            int windows = spec.windowCount(spectrum.frames());
            Tiles tiles = windows <= QUICK_WINDOWS ? extractor.tiles(spectrum) : tiles(windows, i -> spectrum,
                    i -> spec.windowStartFrame(i));
            return new Analysed(classifier.classify(tiles), parts.durationSeconds());
        }
        long[] starts = parts.startSamples();
        int[] indices = plan.windows(parts.trackSamples());
        Tiles tiles = tiles(indices.length, i -> extractor.spectrum(parts.excerpts().get(i)),
                i -> (int) (spec.windowStartFrame(indices[i]) - starts[i] / hop));
        double[] startSeconds = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            startSeconds[i] = (double) spec.windowStartFrame(indices[i]) * hop / spec.sampleRate();
        }
        tiles = new Tiles(tiles.data(), tiles.count(), tiles.channels(), tiles.height(), tiles.width(), startSeconds,
                false);
        return new Analysed(classifier.classify(tiles), parts.durationSeconds());
    }

    /**
     * Quick-mode tiles: tile {@code i} is cut from {@code spectrum(i)} at {@code startFrame(i)}; with a whole track
     * ({@code count} grid windows, more than {@link #QUICK_WINDOWS}) the spread windows are cut from its one
     * spectrum.
     */
    private Tiles tiles(int count, java.util.function.IntFunction<TrackSpectrum> spectrum,
            java.util.function.IntUnaryOperator startFrame) {
        FeatureSpec spec = extractor.spec();
        boolean whole = count > QUICK_WINDOWS;
        int[] picks = whole ? spread(count) : null;
        int n = whole ? QUICK_WINDOWS : count;
        int tileSize = spec.channels() * spec.height() * spec.framesPerWindow();
        float[] data = new float[n * tileSize];
        double[] starts = new double[n];
        for (int i = 0; i < n; i++) {
            int source = whole ? picks[i] : i;
            int frame = startFrame.applyAsInt(source);
            extractor.tile(spectrum.apply(source), frame, data, i * tileSize);
            starts[i] = (double) frame * spec.hopLength() / spec.sampleRate();
        }
        return new Tiles(data, n, spec.channels(), spec.height(), spec.framesPerWindow(), starts, false);
    }

    /** {@link #QUICK_WINDOWS} window indices at the centres of equal parts of {@code windows} grid windows. */
    static int[] spread(int windows) {
        int[] out = new int[QUICK_WINDOWS];
        for (int i = 0; i < QUICK_WINDOWS; i++) {
            out[i] = (int) ((2L * i + 1) * windows / (2L * QUICK_WINDOWS));
        }
        return out;
    }

    private static void requireSamples(Path file, float[] samples) throws AudioDecodeException {
        if (samples.length == 0) {
            throw noSamples(file);
        }
    }

    private static AudioDecodeException noSamples(Path file) {
        return new AudioDecodeException(file, AudioDecodeException.Reason.CORRUPT,
                "the decoder returned no audio samples");
    }

    /** A prediction with the length of the audio it came from. */
    public record Analysed(TrackPrediction prediction, double durationSeconds) {
    }

    public FeatureSpec spec() {
        return extractor.spec();
    }
}
