package org.genrelens.audio;

import java.util.Arrays;

/** The sink behind {@link AudioDecoder#decode}: keeps every sample in one array, for callers that want the track whole. */
final class SampleCollector implements PcmSink {

    private float[] out = new float[1 << 16];
    private int length;

    @Override
    public void expect(long samples) {
        // sized once when the headers tell the length: the array is then usually returned without a copy
        if (samples > out.length && samples < Integer.MAX_VALUE - 1024) {
            out = Arrays.copyOf(out, (int) samples);
        }
    }

    @Override
    public void accept(float[] samples, int offset, int count) {
        if (length + count > out.length) {
            long grown = Math.max((long) length + count, (long) out.length * 3 / 2);
            if (grown > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("decoded audio is longer than a Java array can hold");
            }
            out = Arrays.copyOf(out, (int) grown);
        }
        System.arraycopy(samples, offset, out, length, count);
        length += count;
    }

    /** Everything received, in an array of exactly that length. */
    float[] samples() {
        return length == out.length ? out : Arrays.copyOf(out, length);
    }
}
