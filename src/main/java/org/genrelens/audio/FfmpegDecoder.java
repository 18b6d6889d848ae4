package org.genrelens.audio;

import be.tarsos.dsp.io.TarsosDSPAudioFloatConverter;
import be.tarsos.dsp.io.TarsosDSPAudioFormat;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.genrelens.task.Cancellation;

/**
 * Decodes through an ffmpeg child process, started directly with {@link ProcessBuilder}: no shell, so nothing needs
 * quoting and it runs the same on Windows. The path is passed as one argument, prefixed with {@code file:} (so a name
 * like {@code concat:x|y} is not a protocol). ffmpeg writes float WAV to its stdout, which is read as it comes;
 * stderr goes to a temporary log file, so a full stderr pipe can never stall it. The samples go to a {@link PcmOutput}
 * chunk by chunk as they are read. Downmixing averages the channels
 * (a {@code pan} filter with weight 1/N each, not {@code -ac 1}, which sums at -3 dB) or, for the native-rate
 * {@link #decode} path, {@link MonoResamplingSink} does it as on the JVM path.
 */
final class FfmpegDecoder {

    private static final System.Logger LOG = System.getLogger(FfmpegDecoder.class.getName());

    /**
     * Each input decoded on one thread: analysis already decodes a track per core, and ffmpeg's own decoder threads
     * (one per core by default) only add start-up and switching costs, about 12 ms of CPU per 4-minute track.
     */
    private static final List<String> ONE_THREAD = List.of("-threads", "1");

    private final Path binary;

    FfmpegDecoder(Path binary) {
        this.binary = binary;
    }

    PcmResult decode(Path file, ContainerFormat format, int targetRate, PcmOutput output, Deadline deadline,
            Cancellation cancellation) throws IOException {
        List<String> arguments = new ArrayList<>(ONE_THREAD);
        arguments.addAll(demuxer(format));
        arguments.addAll(List.of("-i", input(file), "-map", "0:a:0"));
        return run(file, format, targetRate, arguments, 0, output, deadline, cancellation);
    }

    /**
     * Lets ffmpeg resample to {@code targetRate} (its default swresample filter), also averaging
     * the {@code channels} channels the headers announce into one (a {@code pan} filter with weight 1/channels each,
     * not {@code -ac 1}, which sums at -3 dB), so half or less as much PCM crosses the pipe.
     *
     * The result's {@code source} and {@code sourceFrames} then describe the output, and the caller puts in the
     * file's own rate from its headers.
     *
     * @param channels        the file's channel count, or 0 to keep the channels ({@link MonoResamplingSink} then
     *                        averages them)
     * @param expectedSamples how long the output will be (a hint for the sink), or 0
     */
    PcmResult decodeResampled(Path file, ContainerFormat format, int targetRate, int channels, long expectedSamples,
            PcmOutput output, Deadline deadline, Cancellation cancellation) throws IOException {
        List<String> arguments = new ArrayList<>(ONE_THREAD);
        arguments.addAll(demuxer(format));
        arguments.addAll(List.of("-i", input(file), "-map", "0:a:0"));
        String pan = channels > 1 && channels <= 8 ? mono(channels) : "";
        if (!pan.isEmpty()) {
            arguments.addAll(List.of("-af", pan.substring(0, pan.length() - 1)));
        }
        arguments.addAll(List.of("-ar", Integer.toString(targetRate)));
        return run(file, format, targetRate, arguments, expectedSamples, output, deadline, cancellation);
    }

    /** One file's part in {@link #decodeExcerpts(List, int, int, Deadline, Cancellation)}. */
    record ExcerptSource(Path file, double[] startSeconds, int channels) {
    }

    /**
     * Decodes only the excerpts, in one ffmpeg process, of one file or of several (one process start is most of
     * what a quick analysis costs): each excerpt is its own input opened with {@code -ss} (ffmpeg seeks in the
     * container, then decodes from the nearest point before and drops samples up to the start), resampled, averaged
     * to mono, cut or padded with silence to exactly {@code samples} samples; all are concatenated in order.
     */
    PcmResult decodeExcerpts(List<ExcerptSource> sources, int targetRate, int samples, PcmOutput output,
            Deadline deadline, Cancellation cancellation) throws IOException {
        List<String> arguments = new ArrayList<>();
        StringBuilder graph = new StringBuilder();
        StringBuilder concat = new StringBuilder();
        double length = samples / (double) targetRate + 0.25;
        int n = 0;
        for (ExcerptSource source : sources) {
            for (double start : source.startSeconds()) {
                arguments.addAll(ONE_THREAD);
                arguments.addAll(List.of("-ss", String.format(Locale.ROOT, "%.6f", start), "-t",
                        String.format(Locale.ROOT, "%.6f", length), "-i", input(source.file())));
                graph.append(String.format(Locale.ROOT, "[%d:a:0]aresample=%d,%saformat=sample_fmts=flt:"
                        + "channel_layouts=mono,atrim=end_sample=%d,apad=whole_len=%d[a%d];", n, targetRate,
                        mono(source.channels()), samples, samples, n));
                concat.append("[a").append(n).append(']');
                n++;
            }
        }
        graph.append(concat).append("concat=n=").append(n).append(":v=0:a=1[out]");
        arguments.addAll(List.of("-filter_complex", graph.toString(), "-map", "[out]"));
        Path first = sources.get(0).file();
        return run(first, ContainerFormat.UNKNOWN, targetRate, arguments, (long) samples * n, output, deadline,
                cancellation);
    }

    /**
     * The demuxer to use where ffmpeg's own probe is unreliable: raw AC-3 of one or two frames scores too low to be
     * recognised unless the name ends in .ac3/.eac3 (the sniffer has checked the frame chain already).
     */
    private static List<String> demuxer(ContainerFormat format) {
        return format == ContainerFormat.AC3 ? List.of("-f", "ac3") : List.of();
    }

    /** The path as ffmpeg's input argument: {@code file:} first, so no name is taken for a protocol. */
    private static String input(Path file) {
        return "file:" + file.toAbsolutePath();
    }

    /** A {@code pan} filter (and comma) averaging {@code channels} channels, or "" for mono. */
    private static String mono(int channels) {
        if (channels <= 1) {
            return "";
        }
        StringBuilder pan = new StringBuilder("pan=mono|c0=");
        for (int c = 0; c < channels; c++) {
            pan.append(c == 0 ? "" : "+").append(String.format(Locale.ROOT, "%.9f*c%d", 1.0 / channels, c));
        }
        return pan.append(',').toString();
    }

    private PcmResult run(Path file, ContainerFormat format, int targetRate, List<String> inputs,
            long expectedSamples, PcmOutput output, Deadline deadline, Cancellation cancellation) throws IOException {
        Path log = Files.createTempFile("genrelens-ffmpeg-", ".log");
        Process process = null;
        try {
            List<String> command = new ArrayList<>(List.of(binary.toString(), "-nostdin", "-hide_banner",
                    "-loglevel", "error"));
            command.addAll(inputs);
            // -flush_packets 0: whole buffers down the pipe, not one write per decoded frame
            command.addAll(List.of("-vn", "-sn", "-dn", "-map_metadata", "-1", "-fflags", "+bitexact",
                    "-flush_packets", "0", "-c:a", "pcm_f32le", "-f", "wav", "pipe:1"));
            Process started = new ProcessBuilder(command).redirectError(log.toFile()).start();
            process = started;
            started.getOutputStream().close();
            InputStream stream = started.getInputStream();
            deadline.onExpiry(() -> {
                started.destroyForcibly();
                closeQuietly(stream);
            });
            PcmResult result;
            try {
                result = read(new DataInputStream(stream), format, targetRate, expectedSamples, output, deadline,
                        cancellation);
            } finally {
                closeQuietly(stream);
            }
            int exit = exitCode(started, deadline);
            String errors = readLog(log);
            if (result.failed() || exit != 0) {
                String why = !errors.isBlank() ? errors : result.failed() ? result.error() : "ffmpeg exit code " + exit;
                return new PcmResult(output, result.source(), result.sourceFrames(), why);
            }
            if (!errors.isBlank()) {
                LOG.log(System.Logger.Level.DEBUG, () -> "ffmpeg concealed errors in " + file + ": " + errors);
            }
            return result.withConcealed(errors);
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly(); // cancelled or failed while reading: ffmpeg must not outlive us
            }
            deleteQuietly(log);
        }
    }

    private static PcmResult read(DataInputStream in, ContainerFormat format, int targetRate, long expectedSamples,
            PcmOutput output, Deadline deadline, Cancellation cancellation) {
        int channels = 1;
        int rate = targetRate;
        MonoResamplingSink sink = null;
        output.expect(expectedSamples);
        try {
            WavHeader header = WavHeader.read(in);
            channels = header.channels();
            rate = header.sampleRate();
            if (channels == 1 && rate == targetRate) {
                readMono(in, output, deadline, cancellation);
                return new PcmResult(output, source(format, rate, channels), 0, null).withFramesFromSamples();
            }
            sink = new MonoResamplingSink(channels, rate, targetRate, 0, -1, output);
            TarsosDSPAudioFloatConverter converter = TarsosDSPAudioFloatConverter.getConverter(
                    new TarsosDSPAudioFormat(TarsosDSPAudioFloatConverter.PCM_FLOAT, rate, 32, channels,
                            4 * channels, rate, false));
            PcmPump.pump(in, converter, channels, 4 * channels, sink, deadline, cancellation);
            sink.finish();
            return new PcmResult(output, source(format, rate, channels), sink.framesIn(), null);
        } catch (EOFException e) {
            return new PcmResult(output, source(format, rate, channels), 0, "ffmpeg produced no audio");
        } catch (IOException | IllegalArgumentException e) {
            long frames = 0;
            if (sink != null) {
                sink.stop();
                frames = sink.framesIn();
            }
            return new PcmResult(output, source(format, rate, channels), frames, "reading ffmpeg's output failed: "
                    + e.getMessage());
        }
    }

    /**
     * ffmpeg already averaged and resampled: its little-endian floats go straight to the output, with no mixing or
     * resampling sink (at 4-minute tracks this is a fifth of what analysis adds to ffmpeg's work).
     */
    private static void readMono(DataInputStream in, PcmOutput output, Deadline deadline,
            Cancellation cancellation) throws IOException {
        byte[] bytes = new byte[1 << 16];
        float[] chunk = new float[bytes.length / 4];
        java.nio.FloatBuffer floats = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .asFloatBuffer();
        int filled = 0;
        while (!deadline.expired()) {
            cancellation.throwIfCancelled();
            int n = in.read(bytes, filled, bytes.length - filled);
            if (n < 0) {
                break;
            }
            filled += n;
            int whole = filled / 4;
            floats.position(0);
            floats.get(chunk, 0, whole);
            output.accept(chunk, 0, whole);
            int rest = filled - whole * 4;
            System.arraycopy(bytes, whole * 4, bytes, 0, rest);
            filled = rest;
        }
    }

    private static AudioSource source(ContainerFormat format, int rate, int channels) {
        // ffmpeg is told to emit float, so the file's own bit depth is not visible here
        return new AudioSource(format.label(), Math.max(1, rate), Math.max(1, channels), 0, AudioSource.FFMPEG);
    }

    private static int exitCode(Process p, Deadline deadline) {
        try {
            if (p.waitFor(Math.max(1, deadline.remaining().toMillis()), TimeUnit.MILLISECONDS)) {
                return p.exitValue();
            }
            p.destroyForcibly();
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return -1;
        }
    }

    private static void deleteQuietly(Path log) {
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // Windows keeps a file a dying process holds open; the temporary folder is cleaned up eventually
            log.toFile().deleteOnExit();
        }
    }

    private static String readLog(Path log) {
        try {
            byte[] bytes = Files.readAllBytes(log);
            String text = new String(bytes, StandardCharsets.UTF_8).strip();
            return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
        } catch (IOException e) {
            return "";
        }
    }

    private static void closeQuietly(InputStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // already closed by the watchdog, or the process is gone
        }
    }

    /** The header ffmpeg writes for {@code -c:a pcm_f32le -f wav}; sizes are meaningless on a pipe. */
    record WavHeader(int channels, int sampleRate) {

        static WavHeader read(DataInputStream in) throws IOException {
            byte[] id = new byte[4];
            in.readFully(id);
            if (!ContentSniffer.startsWith(id, 0, "RIFF")) {
                throw new IOException("ffmpeg's output is not a WAV stream");
            }
            in.readInt();
            in.readFully(id);
            int channels = 0;
            int rate = 0;
            while (true) {
                in.readFully(id);
                long size = Integer.toUnsignedLong(Integer.reverseBytes(in.readInt()));
                if (ContentSniffer.startsWith(id, 0, "fmt ")) {
                    byte[] fmt = new byte[(int) size];
                    in.readFully(fmt);
                    channels = (fmt[2] & 0xFF) | (fmt[3] & 0xFF) << 8;
                    rate = (fmt[4] & 0xFF) | (fmt[5] & 0xFF) << 8 | (fmt[6] & 0xFF) << 16 | (fmt[7] & 0xFF) << 24;
                    int bits = (fmt[14] & 0xFF) | (fmt[15] & 0xFF) << 8;
                    if (bits != 32 || channels < 1 || rate < 1) {
                        throw new IOException("unexpected WAV format from ffmpeg: " + channels + " ch, " + rate
                                + " Hz, " + bits + " bits");
                    }
                } else if (ContentSniffer.startsWith(id, 0, "data")) {
                    if (channels == 0) {
                        throw new IOException("ffmpeg's WAV output has no fmt chunk");
                    }
                    return new WavHeader(channels, rate);
                } else {
                    in.skipNBytes(size + (size & 1));
                }
            }
        }
    }
}
