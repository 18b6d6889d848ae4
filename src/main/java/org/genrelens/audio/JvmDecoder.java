package org.genrelens.audio;

import be.tarsos.dsp.io.TarsosDSPAudioFloatConverter;
import be.tarsos.dsp.io.TarsosDSPAudioFormat;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import javax.sound.sampled.spi.AudioFileReader;
import javazoom.spi.mpeg.sampled.file.MpegAudioFileReader;
import org.genrelens.task.Cancellation;
import org.genrelens.task.CancelledException;
import org.jflac.sound.spi.FlacAudioFileReader;

/**
 * The pure-Java path: JavaSound readers (the JDK's for WAV/AU/AIFF, mp3spi, jflac) and their format converters give
 * PCM bytes, TarsosDSP's float converter turns them into floats; Ogg Vorbis is decoded by JOrbis directly
 * ({@link VorbisPcmStream}).
 *
 * <p>Each format goes to its own reader rather than through {@code AudioSystem.getAudioInputStream(File)}: that
 * asks every installed reader in turn, and a WAV the JDK rejects would then be offered to mp3spi, which finds
 * frame syncs in almost any data and "decodes" them as noise.
 */
final class JvmDecoder {

    /** The JVM path cannot read this file at all (unknown variant, such as ADPCM WAV); ffmpeg may. */
    static final class RejectedException extends Exception {
        private static final long serialVersionUID = 1L;

        RejectedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final List<AudioFileReader> JDK_READERS = jdkReaders();
    private static final Set<AudioFormat.Encoding> PCM = Set.of(AudioFormat.Encoding.PCM_SIGNED,
            AudioFormat.Encoding.PCM_UNSIGNED, AudioFormat.Encoding.PCM_FLOAT);
    private static final Set<AudioFormat.Encoding> JDK_ENCODINGS = Set.of(AudioFormat.Encoding.PCM_SIGNED,
            AudioFormat.Encoding.PCM_UNSIGNED, AudioFormat.Encoding.PCM_FLOAT, AudioFormat.Encoding.ULAW,
            AudioFormat.Encoding.ALAW);
    private static final System.Logger LOG = System.getLogger(JvmDecoder.class.getName());
    /** Why a decode returned nothing: the worker did not come back in time. */
    static final String STUCK = "the decoder got stuck on damaged data";
    private static final Duration GRACE = Duration.ofMillis(500);
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(
            Deadline.daemonThreads("genrelens-jvm-decode"));

    /**
     * Decodes on a daemon worker thread and waits for it no longer than the deadline allows, so a Java decoder that
     * loops on damaged data without reading (nothing but its own return can stop it) cannot hold up the caller.
     * The worker sees the deadline between chunks itself; the short grace lets it hand back what it read.
     */
    PcmResult decodeWithin(Path file, ContainerFormat format, StructureInspector.Structure structure, int targetRate,
            PcmOutput output, Deadline deadline, Cancellation cancellation) throws RejectedException {
        Future<PcmResult> work = WORKERS.submit(
                () -> decode(file, format, structure, targetRate, output, deadline, cancellation));
        try {
            while (true) {
                try {
                    return work.get(deadline.remaining().plus(GRACE).toNanos(), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    if (deadline.expired()) {
                        throw e;
                    }
                    // the deadline moved while the caller's sink worked on the samples: wait on
                }
            }
        } catch (TimeoutException e) {
            work.cancel(true); // frees a worker blocked in a read; one spinning in the decoder ignores it
            LOG.log(System.Logger.Level.WARNING, () -> "the Java " + format.label() + " decoder got stuck on "
                    + file + " and was abandoned; its thread runs on until the program exits");
            return new PcmResult(output, null, 0, STUCK);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RejectedException rejected) {
                throw rejected;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime; // CancelledException, or a bug in our own code
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            work.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
    }

    PcmResult decode(Path file, ContainerFormat format, StructureInspector.Structure structure, int targetRate,
            PcmOutput output, Deadline deadline, Cancellation cancellation) throws RejectedException {
        Opened opened = open(file, format, structure.intactBytes());
        AudioInputStream encoded = opened.audio();
        AudioInputStream pcm;
        try {
            pcm = toPcm(encoded);
        } catch (IllegalArgumentException | IOException e) {
            closeQuietly(encoded);
            closeQuietly(opened.raw());
            throw new RejectedException("no converter to PCM for " + encoded.getFormat(), e);
        }
        AudioFormat source = encoded.getFormat();
        AudioInputStream toClose = pcm;
        deadline.onExpiry(() -> {
            if (opened.raw() != null) {
                closeQuietly(opened.raw()); // jflac's streams lock while decoding: only the file is closed under it
            } else {
                closeQuietly(toClose);
                closeQuietly(encoded);
            }
        });
        try {
            return read(pcm, source, format, structure, opened.damage(), targetRate, output, deadline, cancellation);
        } finally {
            closeQuietly(pcm);
            closeQuietly(encoded);
            if (opened.raw() != null) {
                closeQuietly(opened.raw());
            }
        }
    }

    /**
     * A decoder's stream, the file stream under it when we opened that ourselves (else null), and what the decoder
     * found wrong with the data while it went on decoding (null when nothing, or when the decoder cannot tell).
     */
    private record Opened(AudioInputStream audio, InputStream raw, Supplier<String> damage) {
        Opened(AudioInputStream audio, InputStream raw) {
            this(audio, raw, () -> null);
        }
    }

    private static PcmResult read(AudioInputStream pcm, AudioFormat source, ContainerFormat format,
            StructureInspector.Structure structure, Supplier<String> damage, int targetRate, PcmOutput output,
            Deadline deadline, Cancellation cancellation) {
        AudioFormat f = pcm.getFormat();
        int channels = f.getChannels();
        int frameSize = f.getFrameSize();
        TarsosDSPAudioFloatConverter converter = TarsosDSPAudioFloatConverter.getConverter(tarsosFormat(f));
        boolean mp3 = format == ContainerFormat.MP3;
        // MP3's encoder padding and Vorbis's last packet run past the length the headers announce: cut there
        boolean trimmed = mp3 || format == ContainerFormat.OGG_VORBIS;
        MonoResamplingSink sink = new MonoResamplingSink(channels, f.getSampleRate(), targetRate,
                mp3 ? structure.jvmSkipFrames() : 0, trimmed ? structure.expectedFrames() : -1, output);
        String error = null;
        try {
            PcmPump.pump(pcm, converter, channels, frameSize, sink, deadline, cancellation);
        } catch (IOException | RuntimeException e) {
            if (e instanceof CancelledException || e instanceof PcmOutput.SinkFailure) {
                throw (RuntimeException) e; // the caller's cancel or the caller's own failure, not the file's
            }
            // decoders of damaged files fail in many ways (EOFException, ArrayIndexOutOfBounds in JLayer...)
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        if (error == null) {
            error = damage.get();
        }
        int bits = switch (format) {
            case MP3, OGG_VORBIS -> 0;
            case FLAC -> structure.bitsPerSample();
            default -> Math.max(0, source.getSampleSizeInBits());
        };
        AudioSource audioSource = new AudioSource(format.label(), Math.round(source.getSampleRate()),
                Math.max(1, source.getChannels()), bits, AudioSource.JVM);
        if (error == null) {
            sink.finish();
        } else {
            sink.stop();
        }
        return new PcmResult(output, audioSource, sink.framesIn(), error);
    }

    private static Opened open(Path file, ContainerFormat format, long intactBytes) throws RejectedException {
        InputStream raw = null;
        try {
            if (format == ContainerFormat.FLAC) {
                // jflac gets only the frames that passed their checksums (FlacFrameScanner); it hangs on bad ones
                raw = new BoundedFileInputStream(file, intactBytes < 0 ? Long.MAX_VALUE : intactBytes);
                return new Opened(new FlacAudioFileReader().getAudioInputStream(
                        new BufferedInputStream(raw, 1 << 16)), raw);
            }
            if (format == ContainerFormat.OGG_VORBIS) {
                VorbisPcmStream vorbis = VorbisPcmStream.open(new BufferedInputStream(
                        java.nio.file.Files.newInputStream(file), 1 << 16));
                return new Opened(vorbis.audio(), null, vorbis::damage);
            }
            return new Opened(switch (format) {
                case MP3 -> new MpegAudioFileReader().getAudioInputStream(file.toFile());
                case WAV, AIFF, AU -> openWithJdk(file);
                default -> throw new RejectedException("the JVM path does not read " + format.label(), null);
            }, null);
        } catch (UnsupportedAudioFileException | IOException | RuntimeException e) {
            if (raw != null) {
                closeQuietly(raw);
            }
            throw new RejectedException(format.label() + " reader refused the file: " + e.getMessage(), e);
        }
    }

    /** The JDK's own readers (module java.desktop); a PCM-family encoding proves the right one answered. */
    static AudioInputStream openWithJdk(Path file) throws UnsupportedAudioFileException, IOException {
        UnsupportedAudioFileException last = new UnsupportedAudioFileException("no JDK reader accepts the file");
        for (AudioFileReader reader : JDK_READERS) {
            try {
                AudioInputStream in = reader.getAudioInputStream(file.toFile());
                if (JDK_ENCODINGS.contains(in.getFormat().getEncoding())) {
                    return in;
                }
                in.close();
            } catch (UnsupportedAudioFileException e) {
                last = e;
            }
        }
        throw last;
    }

    /** Compressed and mu-law/a-law streams are converted to signed little-endian PCM by their providers. */
    static AudioInputStream toPcm(AudioInputStream in) throws IOException {
        AudioFormat f = in.getFormat();
        int bits = f.getSampleSizeInBits();
        if (PCM.contains(f.getEncoding()) && (bits == 8 || bits == 16 || bits == 24 || bits == 32
                || (bits == 64 && f.getEncoding() == AudioFormat.Encoding.PCM_FLOAT))) {
            return in;
        }
        int targetBits = bits == 24 ? 24 : 16; // FLAC converts to its own depth; lossy codecs give 16
        int channels = f.getChannels();
        AudioFormat target = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, f.getSampleRate(), targetBits,
                channels, channels * targetBits / 8, f.getSampleRate(), false);
        return AudioSystem.getAudioInputStream(target, in);
    }

    /** TarsosDSP's own JVMAudioInputStream.toTarsosDSPFormat drops PCM_FLOAT, so the format is built here. */
    static TarsosDSPAudioFormat tarsosFormat(AudioFormat f) {
        TarsosDSPAudioFormat.Encoding encoding;
        if (f.getEncoding() == AudioFormat.Encoding.PCM_FLOAT) {
            encoding = TarsosDSPAudioFloatConverter.PCM_FLOAT;
        } else if (f.getEncoding() == AudioFormat.Encoding.PCM_UNSIGNED) {
            encoding = TarsosDSPAudioFormat.Encoding.PCM_UNSIGNED;
        } else {
            encoding = TarsosDSPAudioFormat.Encoding.PCM_SIGNED;
        }
        return new TarsosDSPAudioFormat(encoding, f.getSampleRate(), f.getSampleSizeInBits(), f.getChannels(),
                f.getFrameSize(), f.getSampleRate(), f.isBigEndian());
    }

    private static List<AudioFileReader> jdkReaders() {
        List<AudioFileReader> readers = new ArrayList<>();
        for (AudioFileReader reader : ServiceLoader.load(AudioFileReader.class)) {
            if ("java.desktop".equals(reader.getClass().getModule().getName())) {
                readers.add(reader);
            }
        }
        return List.copyOf(readers);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing after a failure or from the watchdog: nothing more to do
        }
    }
}
