package org.genrelens.features;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything that decides how audio becomes a model input tile. The single source of truth shared by
 * training and inference: the trainer writes it into the model card and the classifier reads it from there.
 *
 * <p>A tile is {@code [channels, height, framesPerWindow]}: frames come from one centred STFT over the
 * whole track (frame {@code k} is centred on sample {@code k * hopLength}), and tiles are cut from it every
 * {@code windowHopSeconds}.
 *
 * @param type             MEL, MULTI_STFT or STFT
 * @param sampleRate       rate the decoder resamples every track to, in Hz
 * @param windowSeconds    length of one classified window (5 s)
 * @param windowHopSeconds distance between the starts of consecutive windows
 * @param fftSizes         one FFT size for MEL and STFT, three for MULTI_STFT; each a power of two
 * @param hopLength        STFT hop in samples, shared by all channels
 * @param bands            mel bands (MEL, MULTI_STFT) or log bands (STFT with LOG scale)
 * @param fMin             lowest frequency kept, Hz
 * @param fMax             highest frequency kept, Hz; at most sampleRate / 2
 * @param stftScale        frequency axis of an STFT tile; ignored by the other types
 * @param dbReference      what 0 dB means
 * @param topDb            dynamic range kept below the reference, dB (values are clipped at -topDb)
 * @param normMean         subtracted from every dB value
 * @param normStd          every dB value is divided by it after the mean is subtracted
 */
public record FeatureSpec(
        SpectrogramType type,
        int sampleRate,
        double windowSeconds,
        double windowHopSeconds,
        List<Integer> fftSizes,
        int hopLength,
        int bands,
        double fMin,
        double fMax,
        FrequencyScale stftScale,
        DbReference dbReference,
        double topDb,
        double normMean,
        double normStd) {

    public FeatureSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(stftScale, "stftScale");
        Objects.requireNonNull(dbReference, "dbReference");
        fftSizes = List.copyOf(fftSizes);
        require(sampleRate >= 4000 && sampleRate <= 192_000, "sampleRate must be 4000..192000 Hz, was " + sampleRate);
        require(windowSeconds > 0, "windowSeconds must be positive");
        require(windowHopSeconds > 0, "windowHopSeconds must be positive");
        int expectedFfts = type == SpectrogramType.MULTI_STFT ? 3 : 1;
        require(fftSizes.size() == expectedFfts,
                type + " needs " + expectedFfts + " FFT size(s), got " + fftSizes);
        for (int n : fftSizes) {
            require(n >= 64 && Integer.bitCount(n) == 1, "FFT sizes must be powers of two >= 64, got " + n);
        }
        require(hopLength > 0, "hopLength must be positive");
        require(hopLength * 2 <= windowSeconds * sampleRate, "hopLength is too long for the window");
        require(bands > 0, "bands must be positive");
        require(fMin >= 0 && fMin < fMax, "need 0 <= fMin < fMax, got " + fMin + ", " + fMax);
        require(fMax <= sampleRate / 2.0, "fMax " + fMax + " Hz is above the Nyquist frequency " + sampleRate / 2.0);
        require(topDb > 0, "topDb must be positive");
        require(normStd > 0, "normStd must be positive");
    }

    /** The default: 128-band log-mel at 22.05 kHz, 5 s windows every 2.5 s, up to 10 kHz. */
    public static FeatureSpec defaultMel() {
        return new FeatureSpec(SpectrogramType.MEL, 22_050, 5.0, 2.5, List.of(1024), 512, 128,
                0.0, 10_000.0, FrequencyScale.LINEAR, DbReference.TILE_MAX, 80.0, -40.0, 20.0);
    }

    /** The same spec with windows starting every {@code seconds}; tile geometry is unchanged. */
    public FeatureSpec withWindowHopSeconds(double seconds) {
        return new FeatureSpec(type, sampleRate, windowSeconds, seconds, fftSizes, hopLength, bands, fMin, fMax,
                stftScale, dbReference, topDb, normMean, normStd);
    }

    public int windowSamples() {
        return (int) Math.round(windowSeconds * sampleRate);
    }

    /** Width of a tile in STFT frames. */
    public int framesPerWindow() {
        return windowSamples() / hopLength;
    }

    /**
     * First STFT frame of window {@code index}: windows start every {@code windowHopSeconds}, each start rounded
     * to the nearest frame on its own so rounding does not accumulate (a 30 s clip keeps its window at 25 s).
     */
    public int windowStartFrame(int index) {
        return (int) Math.round(index * windowHopSeconds * sampleRate / hopLength);
    }

    /** How many whole windows fit in {@code frames} STFT frames (at least one frame-width is needed). */
    public int windowCount(int frames) {
        int count = 0;
        while (windowStartFrame(count) + framesPerWindow() <= frames) {
            count++;
        }
        return count;
    }

    public int channels() {
        return type == SpectrogramType.MULTI_STFT ? 3 : 1;
    }

    /**
     * The channel a person should see: for MULTI_STFT the longest window's, whose bands are the finest (the shortest
     * window's bins are wider than the low bands, which leaves empty rows), else the only one.
     */
    public int finestChannel() {
        if (type != SpectrogramType.MULTI_STFT) {
            return 0;
        }
        return fftSizes.indexOf(java.util.Collections.max(fftSizes));
    }

    /** Height of a tile: frequency rows. */
    public int height() {
        if (type == SpectrogramType.STFT && stftScale == FrequencyScale.LINEAR) {
            int n = fftSizes.get(0);
            int first = (int) Math.ceil(fMin * n / sampleRate);
            int last = (int) Math.floor(fMax * n / sampleRate);
            return last - first + 1;
        }
        return bands;
    }

    /** Model input shape with the batch dimension first as -1: {@code [-1, channels, height, frames]}. */
    public long[] inputShape() {
        return new long[] {-1, channels(), height(), framesPerWindow()};
    }

    /** A stable text form of every field; equal specs give equal text. */
    public String canonicalText() {
        return String.format(Locale.ROOT,
                "type=%s;sr=%d;win=%.6f;winHop=%.6f;fft=%s;hop=%d;bands=%d;fmin=%.6f;fmax=%.6f;scale=%s;"
                        + "dbRef=%s;topDb=%.6f;mean=%.6f;std=%.6f",
                type, sampleRate, windowSeconds, windowHopSeconds, fftSizes, hopLength, bands, fMin, fMax,
                stftScale, dbReference, topDb, normMean, normStd);
    }

    /** SHA-256 of {@link #canonicalText()}, hex; stored with each analysis so a changed spec triggers re-analysis. */
    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonicalText().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
