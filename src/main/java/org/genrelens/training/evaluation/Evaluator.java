package org.genrelens.training.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.genrelens.audio.AudioDecodeException;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.features.TileExtractor;
import org.genrelens.inference.GenreClassifier;
import org.genrelens.task.Cancellation;
import org.genrelens.task.CancelledException;
import org.genrelens.task.ProgressListener;
import org.genrelens.training.data.LabeledClip;

/**
 * Scores a model on labelled clips exactly as the application would classify them: decoded, tiled with the
 * model's own FeatureSpec and run through its ONNX session. Unreadable clips are skipped with a warning and
 * listed in the report, never fatal: one corrupt file (GTZAN's jazz.00054 in the Kaggle copy) must not cost
 * the whole evaluation.
 */
public final class Evaluator {

    private static final System.Logger LOG = System.getLogger(Evaluator.class.getName());

    private final int threads;

    /** Decodes one clip per core at a time. */
    public Evaluator() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /** Decodes at most {@code threads} clips at a time, which bounds the audio held in memory. */
    public Evaluator(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("the evaluator needs at least one thread, got " + threads);
        }
        this.threads = threads;
    }

    /**
     * Decodes, tiles and classifies every clip with the classifier's own FeatureSpec (in parallel, bounded pool),
     * skipping unreadable clips with a warning.
     *
     * @throws IllegalArgumentException when a clip's genre is not one of the model's labels
     * @throws CancelledException       when {@code cancellation} is set
     */
    public EvaluationReport evaluate(GenreClassifier classifier, AudioDecoder decoder, String splitName,
            List<LabeledClip> clips, ProgressListener progress, Cancellation cancellation) {
        List<String> labels = classifier.labels();
        Set<String> absent = new TreeSet<>();
        clips.stream().map(LabeledClip::genre).filter(genre -> !labels.contains(genre)).forEach(absent::add);
        if (!absent.isEmpty()) {
            throw new IllegalArgumentException("the model " + classifier.card().name() + " knows the genres "
                    + labels + " but the clips include " + absent + "; choose only the model's genres (--genres) "
                    + "or evaluate a model trained on them");
        }
        if (clips.isEmpty()) {
            throw new IllegalArgumentException("no clips to evaluate on " + splitName);
        }
        TileExtractor extractor = new TileExtractor(classifier.featureSpec());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, clips.size()));
        AtomicLong done = new AtomicLong();
        try {
            List<Future<ClipPrediction>> futures = new ArrayList<>();
            for (LabeledClip clip : clips) {
                futures.add(pool.submit(() -> {
                    try {
                        return predict(classifier, decoder, extractor, clip, cancellation);
                    } finally {
                        progress.onProgress(done.incrementAndGet(), clips.size(), "evaluating " + clip.file());
                    }
                }));
            }
            List<ClipPrediction> predictions = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            for (int i = 0; i < clips.size(); i++) {
                try {
                    predictions.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof CancelledException cancelled) {
                        throw cancelled;
                    }
                    String reason = e.getCause() instanceof AudioDecodeException decode
                            ? decode.getMessage() : clips.get(i).file() + ": " + e.getCause();
                    LOG.log(System.Logger.Level.WARNING, "skipping unreadable clip: " + reason);
                    skipped.add(reason);
                }
            }
            return EvaluationReport.of(splitName, labels, predictions, skipped);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } finally {
            pool.shutdownNow();
        }
    }

    private static ClipPrediction predict(GenreClassifier classifier, AudioDecoder decoder, TileExtractor extractor,
            LabeledClip clip, Cancellation cancellation) throws AudioDecodeException {
        cancellation.throwIfCancelled();
        float[] pcm = decoder.decode(clip.file(), extractor.spec().sampleRate(), cancellation).samples();
        if (pcm.length == 0) {
            throw new AudioDecodeException(clip.file(), AudioDecodeException.Reason.CORRUPT,
                    "the decoder returned no audio samples");
        }
        cancellation.throwIfCancelled();
        return new ClipPrediction(clip, classifier.windowProbabilities(extractor.extract(pcm)));
    }
}
