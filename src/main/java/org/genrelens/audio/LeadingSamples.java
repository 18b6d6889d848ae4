package org.genrelens.audio;

import java.util.Arrays;

/**
 * A sink that keeps the first {@code limit} samples of a track and only counts the rest: what a view that plays and
 * draws a track needs, with memory bounded however long the file is (a 3-hour mix would take about 1 GB whole).
 */
public final class LeadingSamples implements PcmSink {

    private final int limit;
    private float[] kept = new float[1 << 16];
    private int length;
    private long received;

    public LeadingSamples(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        this.limit = limit;
    }

    @Override
    public void accept(float[] samples, int offset, int count) {
        received += count;
        int take = Math.min(count, limit - length);
        if (take <= 0) {
            return;
        }
        if (length + take > kept.length) {
            kept = Arrays.copyOf(kept, (int) Math.min(limit, Math.max((long) length + take, (long) kept.length * 2)));
        }
        System.arraycopy(samples, offset, kept, length, take);
        length += take;
    }

    /** The samples kept: the whole track when it was no longer than the limit. */
    public float[] samples() {
        return Arrays.copyOf(kept, length);
    }

    /** Whether the track went on past the samples kept. */
    public boolean cut() {
        return received > length;
    }
}
