package org.genrelens.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The tiles of a track that arrives a chunk at a time: the same tiles, in the same order and to the last bit, as
 * {@link TileExtractor#extract} gives for the whole track, while only the samples the next STFT frames read and the
 * frames of windows not yet complete are held, so memory does not grow with the track (decision record 0019).
 * Tiles are handed on in batches as their windows complete; a window is complete once its last frame is computed,
 * and a frame once the samples its FFT reads have arrived (or the track has ended).
 *
 * <p>One track per instance, fed from one thread.
 */
public final class StreamingTileExtractor {

    private final TileExtractor extractor;
    private final FeatureSpec spec;
    private final List<BandSpectrogram> channels;
    private final List<BandSpectrogram.FrameWork> work = new ArrayList<>();
    private final Consumer<Tiles> batches;
    private final int batchSize;
    private final int hop;
    /** Samples a frame reads on each side of its centre: half the largest FFT. */
    private final int reach;
    private final int width;
    private final int rows;
    private final int tileSize;

    /** Samples from {@code pcmStart} (a multiple of the hop) on; the first {@code pcmLength} are valid. */
    private float[] pcm;
    private int pcmLength;
    private long pcmStart;
    private long received;
    private int nextFrame;

    /** dB frames {@code [channel][band][capacity]}; column 0 is frame {@code firstFrame}. */
    private final float[] frames;
    private final int capacity;
    private final TrackSpectrum held;
    private int firstFrame;
    private int heldFrames;
    private int nextWindow;

    private float[] batch;
    private double[] starts;
    private int batched;
    private boolean finished;
    private boolean padded;

    /**
     * @param batchSize windows per batch handed on; the last batch may be smaller
     * @param batches   receives each batch, on the feeding thread; a full batch's arrays are reused for the next
     *                  one, so it must not keep the tiles after it returns (a long track would otherwise leave a
     *                  batch of garbage per 20 s of audio)
     */
    public StreamingTileExtractor(TileExtractor extractor, int batchSize, Consumer<Tiles> batches) {
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.batches = Objects.requireNonNull(batches, "batches");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive, was " + batchSize);
        }
        this.batchSize = batchSize;
        this.spec = extractor.spec();
        this.channels = extractor.channels();
        for (BandSpectrogram channel : channels) {
            work.add(channel.new FrameWork());
        }
        this.hop = spec.hopLength();
        this.reach = spec.fftSizes().stream().mapToInt(Integer::intValue).max().orElseThrow() / 2;
        this.width = spec.framesPerWindow();
        this.rows = spec.channels() * spec.height();
        this.tileSize = rows * width;
        this.pcm = new float[Math.max(1 << 15, 4 * reach)];
        // twice a window: frames are shifted out about once per window, not once per frame
        this.capacity = 2 * width;
        this.frames = new float[rows * capacity];
        this.held = new TrackSpectrum(frames, spec.channels(), spec.height(), capacity, false);
        this.batch = new float[batchSize * tileSize];
        this.starts = new double[batchSize];
    }

    /** The next {@code count} samples of the track, at {@code spec.sampleRate()}; they are copied. */
    public void accept(float[] samples, int offset, int count) {
        Objects.checkFromIndexSize(offset, count, samples.length);
        if (finished) {
            throw new IllegalStateException("the track has ended: finish() was called");
        }
        append(samples, offset, count);
        received += count;
        while ((long) nextFrame * hop + reach <= received) {
            computeFrame(nextFrame++);
        }
    }

    /**
     * Ends the track: its last frames see silence after its end, as in {@link TileExtractor#extract}, a track
     * shorter than one window is padded with silence to one window, and the last batch is handed on.
     *
     * @throws IllegalArgumentException when no samples came
     */
    public void finish() {
        if (finished) {
            return;
        }
        if (received == 0) {
            throw new IllegalArgumentException("the PCM has no samples: cannot cut spectrogram tiles from an empty "
                    + "track; check that the file decoded to audio");
        }
        finished = true;
        int windowSamples = spec.windowSamples();
        padded = received < windowSamples;
        if (padded) {
            append(new float[(int) (windowSamples - received)], 0, (int) (windowSamples - received));
        }
        long total = Math.max(received, windowSamples);
        int lastFrames = Math.toIntExact(1 + total / hop); // Stft.frameCount of the whole track
        while (nextFrame < lastFrames) {
            computeFrame(nextFrame++);
        }
        if (batched > 0) {
            emit();
        }
    }

    /** Samples received (without the padding {@link #finish} adds). */
    public long samples() {
        return received;
    }

    /** Windows cut so far. */
    public int windows() {
        return nextWindow;
    }

    /** True after {@link #finish} when the track was shorter than one window. */
    public boolean padded() {
        return padded;
    }

    private void append(float[] samples, int offset, int count) {
        if (pcmLength + count > pcm.length) {
            // the first sample a frame not yet computed reads, on the hop grid so frames keep their offsets
            long keep = Math.max(0, (long) nextFrame * hop - reach);
            keep -= keep % hop;
            int drop = (int) (keep - pcmStart);
            if (drop > 0) {
                System.arraycopy(pcm, drop, pcm, 0, pcmLength - drop);
                pcmLength -= drop;
                pcmStart = keep;
            }
            if (pcmLength + count > pcm.length) {
                pcm = Arrays.copyOf(pcm, Math.max(pcmLength + count, 2 * pcm.length));
            }
        }
        System.arraycopy(samples, offset, pcm, pcmLength, count);
        pcmLength += count;
    }

    private void computeFrame(int frame) {
        int column = makeRoom(frame);
        int relative = Math.toIntExact(frame - pcmStart / hop);
        int plane = spec.height() * capacity;
        for (int c = 0; c < channels.size(); c++) {
            channels.get(c).frameDecibels(pcm, pcmLength, relative, work.get(c), frames, c * plane + column, capacity);
        }
        heldFrames++;
        cutCompleteWindows(frame + 1);
    }

    /** The column for {@code frame}, after shifting out the frames no window still needs when all are taken. */
    private int makeRoom(int frame) {
        if (heldFrames == capacity) {
            // every window ending at or before this frame is cut already, so the next one starts after firstFrame
            int from = Math.min(spec.windowStartFrame(nextWindow), frame);
            int drop = from - firstFrame;
            for (int r = 0; r < rows; r++) {
                System.arraycopy(frames, r * capacity + drop, frames, r * capacity, heldFrames - drop);
            }
            firstFrame = from;
            heldFrames -= drop;
        }
        return frame - firstFrame;
    }

    private void cutCompleteWindows(int computedFrames) {
        while (spec.windowStartFrame(nextWindow) + width <= computedFrames) {
            int start = spec.windowStartFrame(nextWindow);
            extractor.tile(held, start - firstFrame, batch, batched * tileSize);
            starts[batched] = (double) start * hop / spec.sampleRate();
            batched++;
            nextWindow++;
            if (batched == batchSize) {
                emit();
            }
        }
    }

    private void emit() {
        int n = batched;
        float[] data = n == batchSize ? batch : Arrays.copyOf(batch, n * tileSize);
        Tiles tiles = new Tiles(data, n, spec.channels(), spec.height(), width, Arrays.copyOf(starts, n), padded);
        batched = 0;
        batches.accept(tiles);
    }
}
