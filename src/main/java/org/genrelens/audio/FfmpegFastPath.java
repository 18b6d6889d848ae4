package org.genrelens.audio;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.genrelens.audio.AudioDecodeException.Reason;
import org.genrelens.task.Cancellation;

/**
 * The route of {@link AudioDecoder#preferringFfmpeg()} (decision record 9): ffmpeg decodes, averages the channels
 * and resamples; the file's own format comes from its headers ({@link StreamHeader}), and the length they announce
 * is checked against what came out.
 */
final class FfmpegFastPath {

    private static final System.Logger LOG = System.getLogger(FfmpegFastPath.class.getName());

    private final FfmpegDecoder ffmpeg;

    FfmpegFastPath(FfmpegDecoder ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    /**
     * ffmpeg decodes and resamples a JVM format; empty when the file is PCM at the target rate already, its headers
     * are unreadable, or ffmpeg failed or stopped short of the length the headers announce (the JVM route then
     * decides). The result reports the file's own rate and its frame count in source frames, as the JVM path does.
     */
    Optional<PcmResult> forJvmFormat(Path file, ContentSniffer.Sniff sniff,
            StructureInspector.Structure structure, int targetRate, PcmOutput output, Deadline deadline,
            Cancellation cancellation) {
        ContainerFormat format = sniff.format();
        Optional<StreamHeader> header = StreamHeader.read(file, sniff, structure);
        boolean pcm = format == ContainerFormat.WAV || format == ContainerFormat.AIFF || format == ContainerFormat.AU;
        if (header.isEmpty() || (pcm && header.get().sampleRate() == targetRate)) {
            return Optional.empty();
        }
        StreamHeader h = header.get();
        PcmResult result;
        try {
            result = resampled(file, format, h, targetRate, output, deadline, cancellation);
        } catch (AudioDecodeException e) {
            return Optional.empty();
        }
        double ratio = h.sampleRate() / (double) targetRate;
        long sourceFrames = result.sourceFrames();
        long expected = structure.expectedFrames();
        if (expected > 0) {
            // the resampler's output length is the input's times the ratio, give or take a few samples
            if (!structure.complete(sourceFrames + (long) Math.ceil(4 * ratio))) {
                LOG.log(System.Logger.Level.DEBUG, () -> "ffmpeg decoded " + file + " short; using the Java decoder");
                return Optional.empty();
            }
            sourceFrames = Math.max(sourceFrames, expected);
        }
        if (result.failed() || result.samples() == 0 || deadline.expired()) {
            return Optional.empty();
        }
        return Optional.of(new PcmResult(output, result.source(), sourceFrames, null));
    }

    /**
     * ffmpeg decodes and resamples; the result names the file's own rate, channels and depth from its headers, and
     * counts frames at that rate.
     */
    PcmResult resampled(Path file, ContainerFormat format, StreamHeader h, int targetRate, PcmOutput output,
            Deadline deadline, Cancellation cancellation) throws AudioDecodeException {
        PcmResult result;
        try {
            long expected = h.frames() > 0 ? Math.round(h.frames() * (double) targetRate / h.sampleRate()) : 0;
            result = ffmpeg.decodeResampled(file, format, targetRate, h.channels(), expected, output, deadline,
                    cancellation);
        } catch (IOException e) {
            throw new AudioDecodeException(file, Reason.CORRUPT, "running ffmpeg failed: " + e.getMessage(), e);
        }
        boolean lossless = format == ContainerFormat.FLAC || format == ContainerFormat.WAV
                || format == ContainerFormat.AIFF || format == ContainerFormat.AU;
        AudioSource source = new AudioSource(format.label(), h.sampleRate(), h.channels(),
                lossless ? h.bitsPerSample() : 0, AudioSource.FFMPEG);
        long sourceFrames = Math.round(result.samples() * (h.sampleRate() / (double) targetRate));
        return new PcmResult(output, source, sourceFrames, result.error(), result.concealed());
    }

    /**
     * ffmpeg skips damaged AAC and Opus packets (or stops at damaged Ogg pages) and still exits 0; when the audio
     * comes out clearly shorter than the length the container announces, the file is damaged, and the result says
     * so with ffmpeg's first complaint.
     */
    static PcmResult checkAnnouncedLength(PcmResult result, Optional<StreamHeader> header, int targetRate) {
        if (result.failed() || header.isEmpty() || header.get().frames() <= 0) {
            return result;
        }
        double announced = header.get().durationSeconds();
        double decoded = result.samples() / (double) targetRate;
        if (decoded >= announced * 0.98 - 0.1) {
            return result;
        }
        String complaint = result.concealed().lines().findFirst().map(line -> "; ffmpeg: " + line.strip())
                .orElse("");
        return new PcmResult(result.output(), result.source(), result.sourceFrames(), String.format(Locale.ROOT,
                "only %.1f s of the %.1f s its header announces could be decoded%s", decoded, announced, complaint),
                result.concealed());
    }

}
