package org.genrelens.training;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.genrelens.audio.AudioDecodeException;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.features.FeatureSpec;
import org.genrelens.features.TileExtractor;
import org.genrelens.task.Cancellation;
import org.genrelens.task.CancelledException;
import org.genrelens.task.ProgressListener;

/**
 * Decodes every clip once and keeps its tile statistics, so cross-validation folds and the final fit never
 * decode or compute features again. Clips that cannot be decoded are skipped with a warning, not fatal.
 */
final class FeatureCache {

    private static final System.Logger LOG = System.getLogger(FeatureCache.class.getName());

    record Extracted(List<ClipFeatures> features, List<String> skipped) {
    }

    private final AudioDecoder decoder;
    private final TileExtractor extractor;

    FeatureCache(AudioDecoder decoder, FeatureSpec spec) {
        this.decoder = decoder;
        this.extractor = new TileExtractor(spec);
    }

    Extracted extract(List<LabeledClip> clips, List<String> labels, ProgressListener progress,
            Cancellation cancellation) {
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        AtomicLong done = new AtomicLong();
        try {
            List<Future<ClipFeatures>> futures = new ArrayList<>();
            for (LabeledClip clip : clips) {
                futures.add(pool.submit(() -> {
                    cancellation.throwIfCancelled();
                    try {
                        float[] pcm = decoder.decode(clip.file(), extractor.spec().sampleRate()).samples();
                        return new ClipFeatures(clip, labels.indexOf(clip.genre()),
                                TileStatistics.of(extractor.extract(pcm)));
                    } finally {
                        progress.onProgress(done.incrementAndGet(), clips.size(), "features of " + clip.file());
                    }
                }));
            }
            List<ClipFeatures> features = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            for (int i = 0; i < clips.size(); i++) {
                try {
                    features.add(futures.get(i).get());
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
            return new Extracted(List.copyOf(features), List.copyOf(skipped));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } finally {
            pool.shutdownNow();
        }
    }
}
