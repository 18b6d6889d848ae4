package org.genrelens.training.sampling;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Random;
import org.genrelens.features.FeatureSpec;
import org.genrelens.features.TileExtractor;
import org.genrelens.features.Tiles;
import org.genrelens.training.data.CachedClip;
import org.genrelens.training.data.ClipSpectrum;

/**
 * Serves training batches cut from cached spectra: shuffled, optionally class-balanced, augmented as the
 * {@link Augmentation} says. Only one batch exists at a time; held spectra are read in place, never copied per epoch,
 * and a stored one gives only the window a tile needs.
 * The sampler is thread-safe; each epoch's iterator is for one thread.
 */
public final class TileSampler {

    private final FeatureSpec spec;
    private final Augmentation augmentation;
    private final TileExtractor extractor;

    public TileSampler(FeatureSpec spec, Augmentation augmentation) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.augmentation = Objects.requireNonNull(augmentation, "augmentation");
        this.extractor = new TileExtractor(spec);
    }

    public FeatureSpec spec() {
        return spec;
    }

    public Augmentation augmentation() {
        return augmentation;
    }

    /**
     * One epoch of shuffled, augmented batches; the last may be smaller. With {@code classBalanced}, every class
     * present contributes the same number of windows (minority clips' windows drawn more often); either way the epoch
     * has about as many windows as the clips have inference-grid windows. With random offsets a window may start at
     * any frame, not only on the grid. The same {@code random} seed gives the same batches.
     *
     * @param classes length of each target row; every clip's label must be below it
     */
    public Epoch epoch(List<CachedClip> clips, int classes, int batchSize, boolean classBalanced,
            Random random) {
        Objects.requireNonNull(random, "random");
        if (clips.isEmpty()) {
            throw new IllegalArgumentException("an epoch needs at least one clip");
        }
        if (batchSize < 1 || classes < 1) {
            throw new IllegalArgumentException("batchSize and classes must be >= 1, got " + batchSize + ", "
                    + classes);
        }
        List<CachedClip> fixed = List.copyOf(clips);
        int[] labels = new int[fixed.size()];
        int[] windowCounts = new int[fixed.size()];
        for (int i = 0; i < labels.length; i++) {
            CachedClip clip = fixed.get(i);
            if (clip.label() >= classes) {
                throw new IllegalArgumentException("the label " + clip.label() + " of " + clip.clip().file()
                        + " is not below the " + classes + " classes");
            }
            if (clip.source().channels() != spec.channels() || clip.source().height() != spec.height()) {
                throw new IllegalArgumentException("the spectrum of " + clip.clip().file() + " was computed with "
                        + "another FeatureSpec; load the dataset with this sampler's spec");
            }
            labels[i] = clip.label();
            windowCounts[i] = spec.windowCount(clip.frames());
        }
        EpochPlan plan = EpochPlan.of(labels, windowCounts, classes, classBalanced, random);
        return new Epoch(fixed, plan, classes, batchSize, random);
    }

    /** Every inference-grid window of the clip, without augmentation: equals {@link TileExtractor#extract}. */
    public Tiles evaluationTiles(CachedClip clip) {
        return extractor.tiles(clip.spectrum());
    }

    /**
     * One epoch's batches, each cut when asked for: an epoch of GTZAN's size at the bundled network's tiles would
     * take 3 GB if its batches were cut ahead.
     */
    public final class Epoch implements Iterator<Batch> {

        private final List<CachedClip> clips;
        private final EpochPlan plan;
        private final int classes;
        private final int batchSize;
        private final Random random;
        private final TileAugmenter augmenter;
        private final float[] window;
        private int next;

        private Epoch(List<CachedClip> clips, EpochPlan plan, int classes, int batchSize, Random random) {
            this.clips = clips;
            this.plan = plan;
            this.classes = classes;
            this.batchSize = batchSize;
            this.random = random;
            this.augmenter = new TileAugmenter(spec, augmentation, extractor);
            this.window = new float[spec.channels() * spec.height() * spec.framesPerWindow()];
        }

        /** How many batches the whole epoch has, the ones already served included. */
        public int batchCount() {
            return (plan.size() + batchSize - 1) / batchSize;
        }

        @Override
        public boolean hasNext() {
            return next < plan.size();
        }

        @Override
        public Batch next() {
            if (!hasNext()) {
                throw new NoSuchElementException("the epoch has no more batches");
            }
            int count = Math.min(batchSize, plan.size() - next);
            int tileSize = spec.channels() * spec.height() * spec.framesPerWindow();
            float[] tiles = new float[count * tileSize];
            float[] targets = new float[count * classes];
            for (int i = 0; i < count; i++, next++) {
                CachedClip clip = clips.get(plan.clips()[next]);
                int start = augmentation.randomOffsets()
                        ? random.nextInt(clip.frames() - spec.framesPerWindow() + 1)
                        : spec.windowStartFrame(plan.windows()[next]);
                ClipSpectrum.Window cut = clip.source().window(start, spec.framesPerWindow(), window);
                augmenter.cut(cut.spectrum(), cut.startFrame(), tiles, i * tileSize, random);
                targets[i * classes + clip.label()] = 1f;
            }
            Mixup.mix(tiles, targets, count, classes, augmentation.mixupAlpha(), random);
            return new Batch(tiles, count, targets, classes);
        }
    }
}
