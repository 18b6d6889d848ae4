package org.genrelens.training.sampling;

/**
 * How {@link TileSampler} varies training tiles, all in the spectral domain on cached spectra (nothing is decoded
 * again). Each tile draws its own offset, low-pass, gain and masks; mixup pairs tiles within a batch.
 *
 * @param randomOffsets         a window may start at any frame, not only on the inference grid
 * @param timeMasks             SpecAugment time masks per tile
 * @param maxTimeMaskFrames     each time mask covers 0..this many frames (at most the tile's width)
 * @param frequencyMasks        SpecAugment frequency masks per tile
 * @param maxFrequencyMaskBands each frequency mask covers 0..this many rows (at most the tile's height)
 * @param lowPassProbability    chance that a tile is low-passed like a lossy codec would, 0..1
 * @param minLowPassHz          the low-pass cutoff is uniform in [minLowPassHz, spec.fMax()]
 * @param mixupAlpha            Beta(alpha, alpha) mixup of tiles and targets within a batch; 0 turns it off
 * @param maxGainDb             a uniform dB shift in [-maxGainDb, maxGainDb] before clipping; only for ABSOLUTE
 *                              specs, because TILE_MAX tiles are referenced to their own loudest cell and so do not
 *                              change with gain at all
 */
public record Augmentation(boolean randomOffsets, int timeMasks, int maxTimeMaskFrames, int frequencyMasks,
        int maxFrequencyMaskBands, double lowPassProbability, double minLowPassHz, double mixupAlpha,
        double maxGainDb) {

    public Augmentation {
        require(timeMasks >= 0 && maxTimeMaskFrames >= 0, "time masks and their width must be >= 0");
        require(frequencyMasks >= 0 && maxFrequencyMaskBands >= 0, "frequency masks and their height must be >= 0");
        require(lowPassProbability >= 0 && lowPassProbability <= 1,
                "lowPassProbability must be 0..1, was " + lowPassProbability);
        require(minLowPassHz >= 0 && Double.isFinite(minLowPassHz), "minLowPassHz must be >= 0, was " + minLowPassHz);
        require(mixupAlpha >= 0 && Double.isFinite(mixupAlpha), "mixupAlpha must be >= 0, was " + mixupAlpha);
        require(maxGainDb >= 0 && Double.isFinite(maxGainDb), "maxGainDb must be >= 0, was " + maxGainDb);
    }

    /** Without gain: the form the trainer uses for TILE_MAX specs, where gain has no effect. */
    public Augmentation(boolean randomOffsets, int timeMasks, int maxTimeMaskFrames, int frequencyMasks,
            int maxFrequencyMaskBands, double lowPassProbability, double minLowPassHz, double mixupAlpha) {
        this(randomOffsets, timeMasks, maxTimeMaskFrames, frequencyMasks, maxFrequencyMaskBands, lowPassProbability,
                minLowPassHz, mixupAlpha, 0.0);
    }

    /** Inference-grid windows, untouched: training sees exactly what the classifier will. */
    public static Augmentation none() {
        return new Augmentation(false, 0, 0, 0, 0, 0.0, 0.0, 0.0, 0.0);
    }

    /**
     * Defaults for the 5 s, 128-band default spec: random offsets; two time masks of up to 20 frames (under 0.5 s
     * each, about 10% of a tile) and two frequency masks of up to 12 bands (about 10% of the rows), SpecAugment's
     * mild "LB" policy; a codec-like low-pass on half the tiles with a cutoff of 6 kHz..fMax, because LAME cuts
     * 22.05 kHz audio near 10 kHz at 64-128 kbit/s and near 8 kHz at 32 kbit/s (CodecRoundTripTest measures it);
     * mixup alpha 0.2 (mostly one class, sometimes a blend); 6 dB of gain, which only ABSOLUTE specs feel. Which of
     * these help is for the trainer's ablation to measure.
     */
    public static Augmentation standard() {
        return new Augmentation(true, 2, 20, 2, 12, 0.5, 6_000.0, 0.2, 6.0);
    }

    /**
     * Only the named parts of {@link #standard()}: any of "offsets", "masks", "lowpass", "mixup", "gain"
     * (comma-separated; "none" for none).
     */
    public static Augmentation parts(java.util.Collection<String> names) {
        java.util.Set<String> known = java.util.Set.of("offsets", "masks", "lowpass", "mixup", "gain", "none");
        for (String name : names) {
            require(known.contains(name), "unknown augmentation '" + name + "'; choose from " + known);
        }
        Augmentation all = standard();
        boolean masks = names.contains("masks");
        boolean lowPass = names.contains("lowpass");
        return new Augmentation(names.contains("offsets"), masks ? all.timeMasks() : 0,
                masks ? all.maxTimeMaskFrames() : 0, masks ? all.frequencyMasks() : 0,
                masks ? all.maxFrequencyMaskBands() : 0, lowPass ? all.lowPassProbability() : 0,
                lowPass ? all.minLowPassHz() : 0, names.contains("mixup") ? all.mixupAlpha() : 0,
                names.contains("gain") ? all.maxGainDb() : 0);
    }

    /**
     * The names {@link #parts} takes to make this augmentation ("none" for none).
     *
     * @throws IllegalStateException if it is not one of the standard parts' combinations
     */
    public java.util.List<String> partNames() {
        java.util.List<String> names = new java.util.ArrayList<>();
        Augmentation all = standard();
        if (randomOffsets) {
            names.add("offsets");
        }
        if (timeMasks > 0 || frequencyMasks > 0) {
            names.add("masks");
        }
        if (lowPassProbability > 0) {
            names.add("lowpass");
        }
        if (mixupAlpha > 0) {
            names.add("mixup");
        }
        if (maxGainDb > 0) {
            names.add("gain");
        }
        if (names.isEmpty()) {
            names.add("none");
        }
        if (!parts(names).equals(this)) {
            throw new IllegalStateException(this + " is not a combination of the standard parts " + all);
        }
        return java.util.List.copyOf(names);
    }

    /** True when tiles are cut on the inference grid and left as they are. */
    public boolean isNone() {
        return equals(none());
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
