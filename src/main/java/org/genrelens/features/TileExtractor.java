package org.genrelens.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Turns mono PCM at {@code spec.sampleRate()} into model input tiles as the {@link FeatureSpec} says.
 *
 * <p>The STFTs and filterbanks run once over the whole track; tiles of {@code framesPerWindow} frames are then
 * cut every {@code windowHopSeconds} (see {@link FeatureSpec#windowStartFrame}), and only the dB reference, clipping and
 * normalisation are done per tile. Training keeps the {@link TrackSpectrum} and cuts tiles from it with {@link #tile}.
 * Immutable and thread-safe: several workers may share one extractor.
 */
public final class TileExtractor {

    private final FeatureSpec spec;
    private final List<BandSpectrogram> channels;

    public TileExtractor(FeatureSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
        List<BandSpectrogram> list = new ArrayList<>();
        for (int fftSize : spec.fftSizes()) {
            Stft stft = new Stft(fftSize, spec.hopLength());
            list.add(new BandSpectrogram(stft, filterbank(spec, fftSize)));
        }
        this.channels = List.copyOf(list);
        if (channels.get(0).filterbank().bands() != spec.height()) {
            throw new IllegalStateException("filterbank has " + channels.get(0).filterbank().bands()
                    + " bands but the spec's height is " + spec.height());
        }
    }

    private static Filterbank filterbank(FeatureSpec spec, int fftSize) {
        int sr = spec.sampleRate();
        return switch (spec.type()) {
            case MEL, MULTI_STFT -> MelFilterbank.create(sr, fftSize, spec.bands(), spec.fMin(), spec.fMax());
            case STFT -> spec.stftScale() == FrequencyScale.LOG
                    ? LogFilterbank.create(sr, fftSize, spec.bands(), spec.fMin(), spec.fMax())
                    : Filterbank.linearBins(fftSize, (int) Math.ceil(spec.fMin() * fftSize / sr),
                            (int) Math.floor(spec.fMax() * fftSize / sr));
        };
    }

    public FeatureSpec spec() {
        return spec;
    }

    /** The channels' STFT and filterbank, in channel order. */
    public List<BandSpectrogram> channels() {
        return channels;
    }

    /**
     * Tiles of one track: {@link #spectrum} once, then {@link #tile} at every inference-grid window
     * ({@link FeatureSpec#windowStartFrame}). A track shorter than one window is padded with silence to one window
     * ({@code padded = true}); otherwise tiles start every window hop while they fit.
     *
     * @param monoPcm samples at {@code spec.sampleRate()}
     * @throws IllegalArgumentException when there are no samples
     */
    public Tiles extract(float[] monoPcm) {
        return tiles(spectrum(monoPcm));
    }

    /**
     * The whole track's band power in dB relative to power 1; a track shorter than one window is zero-padded to
     * one window first, as {@link #extract} does.
     *
     * @param monoPcm samples at {@code spec.sampleRate()}
     * @throws IllegalArgumentException when there are no samples
     */
    public TrackSpectrum spectrum(float[] monoPcm) {
        requireSamples(monoPcm);
        boolean padded = monoPcm.length < spec.windowSamples();
        float[] pcm = padded ? Arrays.copyOf(monoPcm, spec.windowSamples()) : monoPcm;
        int frames = channels.get(0).stft().frameCount(pcm.length);
        return new TrackSpectrum(decibels(pcm, frames), spec.channels(), spec.height(), frames, padded);
    }

    /** Every inference-grid tile of a spectrum: what {@link #extract} returns for the PCM it came from. */
    public Tiles tiles(TrackSpectrum spectrum) {
        requireMatching(spectrum);
        int count = spec.windowCount(spectrum.frames());
        int tileSize = spec.channels() * spec.height() * spec.framesPerWindow();
        float[] data = new float[count * tileSize];
        double[] starts = new double[count];
        for (int i = 0; i < count; i++) {
            int startFrame = spec.windowStartFrame(i);
            starts[i] = (double) startFrame * spec.hopLength() / spec.sampleRate();
            tile(spectrum, startFrame, data, i * tileSize);
        }
        return new Tiles(data, count, spec.channels(), spec.height(), spec.framesPerWindow(), starts,
                spectrum.padded());
    }

    /**
     * One normalised tile of {@code [channels][height][framesPerWindow]} starting at {@code startFrame}, written into
     * {@code out} from {@code outOffset}: the dB reference (TILE_MAX: the tile's loudest cell, per channel), clipping at
     * {@code -topDb} and mean/std normalisation, exactly as {@link #extract} does. Any start frame is allowed as long as
     * the tile fits, not only the inference grid.
     */
    public void tile(TrackSpectrum spectrum, int startFrame, float[] out, int outOffset) {
        requireMatching(spectrum);
        int width = spec.framesPerWindow();
        int height = spec.height();
        if (startFrame < 0 || startFrame + width > spectrum.frames()) {
            throw new IndexOutOfBoundsException("a tile of " + width + " frames cannot start at frame " + startFrame
                    + " of a spectrum with " + spectrum.frames() + " frames");
        }
        Objects.checkFromIndexSize(outOffset, spec.channels() * height * width, out.length);
        boolean tileMax = spec.dbReference() == DbReference.TILE_MAX;
        float[] db = spectrum.db();
        int frames = spectrum.frames();
        for (int c = 0; c < spec.channels(); c++) {
            int source = c * height * frames + startFrame;
            double reference = tileMax ? max(db, source, frames, height, width) : 0.0;
            normalise(db, source, frames, out, outOffset + c * height * width, width, height, reference);
        }
    }

    /**
     * The whole track in dB for display: referenced to the track's loudest cell for TILE_MAX specs, to power
     * 1 otherwise, and clipped at {@code -topDb}; no mean or std normalisation.
     */
    public Spectrogram spectrogram(float[] monoPcm) {
        requireSamples(monoPcm);
        int frames = channels.get(0).stft().frameCount(monoPcm.length);
        float[] db = decibels(monoPcm, frames);
        double reference = 0.0;
        if (spec.dbReference() == DbReference.TILE_MAX) {
            reference = Double.NEGATIVE_INFINITY;
            for (float v : db) {
                reference = Math.max(reference, v);
            }
        }
        double floor = -spec.topDb();
        for (int i = 0; i < db.length; i++) {
            db[i] = (float) Math.max(db[i] - reference, floor);
        }
        return new Spectrogram(db, spec.channels(), spec.height(), frames,
                (double) spec.hopLength() / spec.sampleRate());
    }

    private float[] decibels(float[] pcm, int frames) {
        int plane = spec.height() * frames;
        float[] db = new float[spec.channels() * plane];
        for (int c = 0; c < channels.size(); c++) {
            channels.get(c).decibels(pcm, db, c * plane);
        }
        return db;
    }

    private static double max(float[] db, int source, int frames, int height, int width) {
        float max = Float.NEGATIVE_INFINITY;
        for (int r = 0; r < height; r++) {
            int row = source + r * frames;
            for (int t = 0; t < width; t++) {
                float v = db[row + t];
                max = v > max ? v : max; // dB values are never NaN (the power is floored first)
            }
        }
        return max;
    }

    private void normalise(float[] db, int source, int frames, float[] out, int target, int width, int height,
            double reference) {
        // float arithmetic (the inputs are floats): half the time of the same in double, for every tile of a track
        float ref = (float) reference;
        float floor = (float) -spec.topDb();
        float mean = (float) spec.normMean();
        float scale = (float) (1.0 / spec.normStd());
        for (int r = 0; r < height; r++) {
            int row = source + r * frames;
            int outRow = target + r * width;
            for (int t = 0; t < width; t++) {
                float value = db[row + t] - ref;
                out[outRow + t] = ((value > floor ? value : floor) - mean) * scale;
            }
        }
    }

    private void requireMatching(TrackSpectrum spectrum) {
        Objects.requireNonNull(spectrum, "spectrum");
        if (spectrum.channels() != spec.channels() || spectrum.height() != spec.height()) {
            throw new IllegalArgumentException("the spectrum is " + spectrum.channels() + " x " + spectrum.height()
                    + " (channels x bands) but this spec needs " + spec.channels() + " x " + spec.height()
                    + "; was it computed with another FeatureSpec?");
        }
        if (spectrum.frames() < spec.framesPerWindow()) {
            throw new IllegalArgumentException("the spectrum has " + spectrum.frames() + " frames, fewer than one "
                    + "window of " + spec.framesPerWindow() + "; spectrum() pads short tracks to one window");
        }
    }

    private static void requireSamples(float[] monoPcm) {
        Objects.requireNonNull(monoPcm, "monoPcm");
        if (monoPcm.length == 0) {
            throw new IllegalArgumentException("the PCM has no samples: cannot cut spectrogram tiles from an empty "
                    + "track; check that the file decoded to audio");
        }
    }
}
