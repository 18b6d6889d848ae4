package org.genrelens.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.genrelens.audio.AudioDecodeException.Reason;
import org.genrelens.task.Cancellation;

/**
 * Decodes any audio file to mono float PCM at a requested rate.
 *
 * <p><b>Routing.</b> The format is recognised from the file's bytes ({@link ContentSniffer}), never from its name.
 * WAV, AU, AIFF, MP3, FLAC and Ogg Vorbis are read by the pure-Java decoders (JavaSound providers, JOrbis for
 * Vorbis); everything else (MP4/M4A, Opus, WMA, AC-3, ...) through an ffmpeg process, when an {@code ffmpeg} binary
 * is on PATH (nothing is ever downloaded). A JVM-format file the Java readers refuse (ADPCM WAV, compressed AIFF-C,
 * ...) or fail on is retried with ffmpeg when there is one. Content that matches no known signature is handed to
 * ffmpeg, and is audio only if ffmpeg decodes it without a complaint; text, and anything without ffmpeg, is
 * {@link Reason#NOT_AUDIO} at once.
 *
 * <p><b>Output.</b> Channels are averaged (not summed) and the result is resampled with a band-limited sinc
 * resampler; the same code does this for both decoders. Every route streams: the samples reach a {@link PcmSink}
 * chunk by chunk ({@link #stream}), and {@link #decode} is that with a sink that keeps them all (decision record
 * 0019).
 *
 * <p><b>Truncated files.</b> Before decoding, the lengths the file's own headers announce are compared with its
 * size (WAV/AIFF data chunk, AU header, the Xing/Info or VBRI byte count of an MP3, FLAC's total samples, the
 * end-of-stream flag of an Ogg file, MP4 box sizes). A file that is cut short always fails with
 * {@link Reason#TRUNCATED}; it is never returned as if it were a shorter song. What could be decoded is attached
 * as {@link AudioDecodeException#partialAudio()}, so a caller that prefers part of a song to nothing may use it.
 * A valid file however short is not an error (analysis pads it to one window and flags it); a file with no samples
 * at all is {@link Reason#CORRUPT}.
 *
 * <p><b>Codec start-up is not damage</b> (decision record 0013). Decoded lengths are compared with what the headers
 * announce less what the codec may legitimately leave out: Vorbis's first packet (from the block sizes in its
 * identification header; ffmpeg decodes short Vorbis files that much short), MP3's LAME encoder delay and padding
 * (subtracted from the Xing frame count), Opus's pre-skip (subtracted from the last granule position), and for
 * MP4 2% of the length plus 0.1 s (AAC priming and padding). A shortfall beyond that is damage, as before.
 *
 * <p><b>Damaged files.</b> FLAC frames carry checksums, and every frame is checked before the Java decoder sees the
 * file ({@link FlacFrameScanner}; on the ffmpeg-first route of {@link #preferringFfmpeg()} only when ffmpeg fails or
 * decodes short); the Java decoder is given only the frames before the first bad one (it would loop for ever on
 * it), then ffmpeg, when there is one, tries the whole file. A damaged FLAC file that does not yield
 * all its samples fails with {@link Reason#CORRUPT} and what could be decoded as its partial audio; one that
 * merely stops early (inside or after a frame) is {@link Reason#TRUNCATED}. Other formats are judged by the
 * lengths their headers announce, as above; PCM has no checksums, so damaged WAV/AIFF/AU data decodes as noise.
 *
 * <p><b>Time.</b> Every decode has a deadline (10 s plus 8 s per MB of file); when it passes the stream is closed
 * and ffmpeg is killed, and the decode fails with {@link Reason#TIMED_OUT}. The Java decoders run on a worker
 * thread that the caller waits for no longer than the deadline, so even a decoder stuck in a loop cannot hold a
 * caller up (its thread is then abandoned and logged). Directories, pipes and devices are refused before they are
 * opened, so nothing blocks on them.
 *
 * <p>Instances are immutable and may be shared between threads.
 */
public final class AudioDecoder {

    private static final System.Logger LOG = System.getLogger(AudioDecoder.class.getName());
    private static final Set<String> JVM_EXTENSIONS = Set.of("wav", "wave", "au", "snd", "aif", "aiff", "aifc",
            "mp3", "flac", "ogg", "oga");
    private static final Set<String> FFMPEG_EXTENSIONS = Set.of("m4a", "m4b", "mp4", "3gp", "aac", "alac", "opus",
            "wma", "asf", "webm", "mka", "mkv", "caf", "ape", "wv", "ac3", "amr", "mp2", "rf64", "spx");
    private static final Duration BASE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration TIMEOUT_PER_MB = Duration.ofSeconds(8);

    private final Optional<Path> ffmpegBinary;
    private final Duration baseTimeout;
    private final JvmDecoder jvm = new JvmDecoder();
    private final boolean preferFfmpeg;
    private volatile Optional<String> version;

    /** Looks for {@code ffmpeg} on PATH; never downloads one. */
    public AudioDecoder() {
        this(FfmpegLocator.findOnPath());
    }

    /** Uses the given ffmpeg binary; {@code Optional.empty()} means the JVM path only. */
    public AudioDecoder(Optional<Path> ffmpegBinary) {
        this(ffmpegBinary, BASE_TIMEOUT);
    }

    AudioDecoder(Optional<Path> ffmpegBinary, Duration baseTimeout) {
        this(ffmpegBinary, baseTimeout, false);
    }

    private AudioDecoder(Optional<Path> ffmpegBinary, Duration baseTimeout, boolean preferFfmpeg) {
        this.ffmpegBinary = Objects.requireNonNull(ffmpegBinary, "ffmpegBinary").map(Path::toAbsolutePath);
        this.baseTimeout = Objects.requireNonNull(baseTimeout, "baseTimeout");
        this.preferFfmpeg = preferFfmpeg;
    }

    /**
     * A decoder that, when ffmpeg is available, lets ffmpeg decode and resample the formats the JVM also reads
     * (decision record 0009): 3-5 times faster than the Java decoders and TarsosDSP's resampler. PCM already at the
     * target rate stays on the JVM (nothing to resample). Files whose headers show damage or truncation, and any
     * file ffmpeg fails on or decodes short, take the usual JVM-first route, so errors are judged exactly as by
     * {@link #AudioDecoder()}. Without ffmpeg it is the same as this decoder.
     */
    public AudioDecoder preferringFfmpeg() {
        return new AudioDecoder(ffmpegBinary, baseTimeout, true);
    }

    /** True when {@link #preferringFfmpeg()} made this decoder. */
    public boolean prefersFfmpeg() {
        return preferFfmpeg;
    }

    public DecodedAudio decode(Path file, int targetSampleRate) throws AudioDecodeException {
        return decode(file, targetSampleRate, Cancellation.none());
    }

    /**
     * Like {@link #decode(Path, int)}, checking {@code cancellation} between chunks.
     *
     * @throws org.genrelens.task.CancelledException when cancelled
     */
    public DecodedAudio decode(Path file, int targetSampleRate, Cancellation cancellation)
            throws AudioDecodeException {
        StreamedAudio<SampleCollector> whole = stream(file, targetSampleRate, SampleCollector::new, cancellation);
        return new DecodedAudio(whole.sink().samples(), targetSampleRate, whole.source());
    }

    /**
     * Decodes as {@link #decode} does, handing the samples to a sink as they come, so a track of any length costs
     * the memory of a chunk (decision record 0019). Each attempt at the file (ffmpeg's route, then the Java
     * decoder's when ffmpeg stops short; see the routing above) gets a fresh sink from {@code sinks}; the sink of the
     * attempt that succeeded is in the result, the others are dropped. So a sink must not act on its samples (store
     * them, show them) before this returns. Errors are judged exactly as by {@link #decode}, but carry no partial
     * audio. An exception a sink throws ends the decode and is rethrown as it is, never reported as damage.
     *
     * @throws org.genrelens.task.CancelledException when cancelled
     */
    public <S extends PcmSink> StreamedAudio<S> stream(Path file, int targetSampleRate, Supplier<S> sinks,
            Cancellation cancellation) throws AudioDecodeException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sinks, "sinks");
        Objects.requireNonNull(cancellation, "cancellation");
        if (targetSampleRate < 4000 || targetSampleRate > 192_000) {
            throw new IllegalArgumentException("targetSampleRate must be 4000..192000 Hz, was " + targetSampleRate);
        }
        try {
            return streamChecked(file, targetSampleRate, sinks, cancellation);
        } catch (PcmOutput.SinkFailure e) {
            throw e.getCause();
        }
    }

    private <S extends PcmSink> StreamedAudio<S> streamChecked(Path file, int targetSampleRate, Supplier<S> sinks,
            Cancellation cancellation) throws AudioDecodeException {
        boolean fast = preferFfmpeg && ffmpegAvailable();
        Inspected in = inspect(file, !fast);
        boolean fastPathLeft = fast;
        if (fast && in.sniff().format() == ContainerFormat.FLAC) {
            Optional<StreamedAudio<S>> checked = flacWithoutFrameWalk(file, in, targetSampleRate, sinks,
                    cancellation);
            if (checked.isPresent()) {
                return checked.get();
            }
            in = inspect(file, true);
            fastPathLeft = false; // ffmpeg already failed or stopped short on this file: not a second time
        }
        try (Deadline deadline = Deadline.after(in.limit())) {
            PcmResult result = run(file, in.sniff(), in.structure(), targetSampleRate, fastPathLeft,
                    () -> new PcmOutput(sinks.get(), deadline), deadline, cancellation);
            return judge(file, in.structure(), result, targetSampleRate, deadline);
        }
    }

    /**
     * The fast path for FLAC without walking its frames in Java first ({@link FlacFrameScanner} costs about a tenth
     * of what ffmpeg takes to decode the file). The walk would change nothing here: a file whose frames fail their
     * checksums goes to the Java decoder for the intact part and then to ffmpeg, and ffmpeg's audio is taken when it
     * has every sample STREAMINFO promises, which is exactly when the fast path takes it. When ffmpeg fails or stops
     * short, this is empty and the file takes the usual route, walk included, and fails as it always did.
     */
    private <S extends PcmSink> Optional<StreamedAudio<S>> flacWithoutFrameWalk(Path file, Inspected in,
            int targetRate, Supplier<S> sinks, Cancellation cancellation) throws AudioDecodeException {
        if (in.structure().truncated()) {
            return Optional.empty();
        }
        try (Deadline deadline = Deadline.after(in.limit())) {
            Optional<PcmResult> result = new FfmpegFastPath(ffmpeg()).forJvmFormat(file, in.sniff(), in.structure(),
                    targetRate, new PcmOutput(sinks.get(), deadline), deadline, cancellation);
            if (result.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(judge(file, in.structure(), result.get(), targetRate, deadline));
        }
    }

    /** A file's size, recognised format and header structure, and its decode time limit. */
    record Inspected(ContentSniffer.Sniff sniff, StructureInspector.Structure structure, Duration limit) {
    }

    private Inspected inspect(Path file) throws AudioDecodeException {
        return inspect(file, true);
    }

    Inspected inspect(Path file, boolean checkFlacFrames) throws AudioDecodeException {
        long size = checkReadable(file);
        ContentSniffer.Sniff sniff;
        StructureInspector.Structure structure;
        try {
            sniff = ContentSniffer.sniff(file);
            structure = sniff.format() == ContainerFormat.UNKNOWN
                    ? StructureInspector.Structure.UNKNOWN : StructureInspector.inspect(file, sniff, checkFlacFrames);
        } catch (IOException e) {
            throw new AudioDecodeException(file, Reason.UNREADABLE, e.getMessage(), e);
        }
        Duration limit = baseTimeout.plus(TIMEOUT_PER_MB.multipliedBy(size / (1024 * 1024)));
        if (sniff.format() == ContainerFormat.UNKNOWN) {
            if (!sniff.looksLikeText() && ffmpegAvailable()) {
                // ffmpeg knows far more formats than the signatures here (ADIF AAC, DTS, Musepack, ...)
                return new Inspected(new ContentSniffer.Sniff(ContainerFormat.OTHER, 0, false),
                        StructureInspector.Structure.UNKNOWN, limit);
            }
            throw new AudioDecodeException(file, Reason.NOT_AUDIO, sniff.looksLikeText()
                    ? "it holds text" : "its first bytes match no audio format (wav, aiff, au, mp3, flac, ogg, mp4, ...)");
        }
        return new Inspected(sniff, structure, limit);
    }

    /**
     * Quick mode: decodes only the excerpts {@code plan} asks for, where the file can be read from any point: WAV,
     * AIFF and AU at the target rate (or without ffmpeg) by seeking in the file in Java, everything else through
     * one ffmpeg process that seeks ({@code -ss}) to each. The plan is given the track's length from its headers
     * (WAV/AIFF/AU, FLAC, MP3, Vorbis, Opus, MP4). The whole track is decoded instead (and
     * {@link DecodedExcerpts#whole()} is true) when the plan asks for it, when the headers do not give the length,
     * when a compressed format has no ffmpeg to seek with (the Java decoders read from the start, so quick mode then
     * costs as much decoding as a full analysis), and when the headers show truncation or damage, so such files
     * fail exactly as {@link #decode} fails. FLAC frames' checksums are not checked (that reads the whole file);
     * ffmpeg conceals damage in the frames it reads.
     *
     * @param samples length of each excerpt, in samples at {@code targetRate}
     */
    public DecodedExcerpts decodeExcerpts(Path file, int targetSampleRate, int samples, DecodedExcerpts.Plan plan,
            Cancellation cancellation) throws AudioDecodeException {
        Objects.requireNonNull(plan, "plan");
        if (samples < 1) {
            throw new IllegalArgumentException("excerpts need at least one sample, was " + samples);
        }
        return new ExcerptDecoder(this).decode(file, targetSampleRate, samples, plan, cancellation);
    }

    /**
     * {@link #decodeExcerpts(Path, int, int, DecodedExcerpts.Plan, Cancellation)} for several files at once: the
     * files that go through ffmpeg share one ffmpeg process (starting one costs more than decoding four 5-second
     * excerpts). When that process fails, each of its files is decoded on its own, so one bad file never costs
     * the others their result. One outcome per file, in order.
     *
     * @throws org.genrelens.task.CancelledException when cancelled
     */
    public List<DecodedExcerpts.Outcome> decodeExcerpts(List<Path> files, int targetSampleRate, int samples,
            DecodedExcerpts.Plan plan, Cancellation cancellation) {
        Objects.requireNonNull(plan, "plan");
        if (samples < 1) {
            throw new IllegalArgumentException("excerpts need at least one sample, was " + samples);
        }
        return new ExcerptDecoder(this).decode(files, targetSampleRate, samples, plan, cancellation);
    }


    /** Decodes by the file's route; every attempt writes to a fresh output from {@code outputs}. */
    private PcmResult run(Path file, ContentSniffer.Sniff sniff, StructureInspector.Structure structure,
            int targetRate, boolean tryFastPath, Supplier<PcmOutput> outputs, Deadline deadline,
            Cancellation cancellation) throws AudioDecodeException {
        ContainerFormat format = sniff.format();
        if (!format.jvmDecodable()) {
            if (!ffmpegAvailable()) {
                throw needsFfmpeg(file, format, "");
            }
            Optional<StreamHeader> header = StreamHeader.read(file, sniff, structure);
            PcmResult result = preferFfmpeg && header.isPresent()
                    ? new FfmpegFastPath(ffmpeg()).resampled(file, format, header.get(), targetRate, outputs.get(),
                            deadline, cancellation)
                    : ffmpeg(file, format, targetRate, outputs.get(), deadline, cancellation);
            if (format == ContainerFormat.OTHER) {
                return recognisedByFfmpeg(file, result);
            }
            return FfmpegFastPath.checkAnnouncedLength(result, header, targetRate);
        }
        if (tryFastPath && !structure.truncated() && !structure.damaged()) {
            Optional<PcmResult> fast = new FfmpegFastPath(ffmpeg()).forJvmFormat(file, sniff, structure, targetRate,
                    outputs.get(), deadline, cancellation);
            if (fast.isPresent()) {
                return fast.get();
            }
        }
        try {
            PcmResult result = jvm.decodeWithin(file, format, structure, targetRate, outputs.get(), deadline,
                    cancellation);
            boolean complete = structure.complete(result.sourceFrames());
            boolean usable = !result.failed() && result.sourceFrames() > 0 && complete;
            if (usable || structure.truncated() || deadline.expired() || !ffmpegAvailable()) {
                return result;
            }
            LOG.log(System.Logger.Level.INFO, () -> "the Java " + format.label() + " decoder failed on " + file
                    + " (" + (result.error() != null ? result.error() : structure.damaged() ? structure.damagedBecause()
                    : "it stopped short of the length the file announces") + "); trying ffmpeg");
            PcmResult retry = ffmpeg(file, format, targetRate, outputs.get(), deadline, cancellation);
            return retry.sourceFrames() > 0 || result.sourceFrames() == 0 ? retry : result;
        } catch (JvmDecoder.RejectedException e) {
            if (structure.truncated()) {
                return new PcmResult(outputs.get(), null, 0, e.getMessage());
            }
            if (!ffmpegAvailable()) {
                throw needsFfmpeg(file, format, " (the Java decoder cannot read this " + format.label()
                        + " variant: " + e.getMessage() + ")");
            }
            LOG.log(System.Logger.Level.DEBUG, () -> "Java readers refused " + file + "; using ffmpeg");
            return ffmpeg(file, format, targetRate, outputs.get(), deadline, cancellation);
        }
    }

    /**
     * Content none of our signatures match is audio only when ffmpeg decodes it cleanly: any complaint, or no
     * samples, means it is not audio (ffmpeg's decoders find "frames" in random bytes and complain about them).
     */
    private static PcmResult recognisedByFfmpeg(Path file, PcmResult result) throws AudioDecodeException {
        String complaint = result.failed() ? result.error() : result.concealed();
        if (complaint.isBlank() && result.sourceFrames() > 0) {
            return result;
        }
        String first = complaint.isBlank() ? "it decoded no samples" : complaint.lines().findFirst().orElse("").strip();
        throw new AudioDecodeException(file, Reason.NOT_AUDIO, "its first bytes match no audio format we know, and"
                + " ffmpeg does not read it as audio either (" + first + ")");
    }

    /** The ffmpeg process runner; only when {@link #ffmpegAvailable()}. */
    FfmpegDecoder ffmpeg() {
        return new FfmpegDecoder(ffmpegBinary.orElseThrow());
    }

    private PcmResult ffmpeg(Path file, ContainerFormat format, int targetRate, PcmOutput output, Deadline deadline,
            Cancellation cancellation) throws AudioDecodeException {
        try {
            return ffmpeg().decode(file, format, targetRate, output, deadline, cancellation);
        } catch (IOException e) {
            throw new AudioDecodeException(file, Reason.CORRUPT, "running ffmpeg failed: " + e.getMessage(), e);
        }
    }

    /**
     * Turns a decoder's result into audio or the right typed error; the partial audio an error carries is there
     * only when the sink kept the samples ({@link #decode}).
     */
    @SuppressWarnings("unchecked") // every output of a stream was made with a sink from the caller's supplier
    private static <S extends PcmSink> StreamedAudio<S> judge(Path file, StructureInspector.Structure structure,
            PcmResult result, int targetRate, Deadline deadline) throws AudioDecodeException {
        DecodedAudio partial = result.source() != null && result.samples() > 0
                && result.output().sink() instanceof SampleCollector kept
                ? new DecodedAudio(kept.samples(), targetRate, result.source()) : null;
        if (deadline.expired()) {
            String stuck = JvmDecoder.STUCK.equals(result.error()) ? " (" + JvmDecoder.STUCK + ")" : "";
            throw new AudioDecodeException(file, Reason.TIMED_OUT, "no result after " + deadline.limit().toSeconds()
                    + " s" + stuck, partial, null);
        }
        if (structure.truncated()) {
            throw new AudioDecodeException(file, Reason.TRUNCATED, structure.truncatedBecause(), partial, null);
        }
        if (!structure.complete(result.sourceFrames())) {
            // with the end of the file seen intact, a shortfall is the decoder's failure, not a cut file
            if (structure.damaged()) {
                throw new AudioDecodeException(file, Reason.CORRUPT, structure.damagedBecause() + "; "
                        + result.sourceFrames() + " of " + structure.expectedFrames()
                        + " samples per channel could be decoded", partial, null);
            }
            throw new AudioDecodeException(file, structure.endVerified() ? Reason.CORRUPT : Reason.TRUNCATED,
                    "its header announces " + structure.expectedFrames() + " samples per channel but only "
                    + result.sourceFrames() + " could be decoded" + (result.failed() ? " (" + result.error() + ")" : ""),
                    partial, null);
        }
        if (result.failed() && result.error().contains("matches no streams")) {
            throw new AudioDecodeException(file, Reason.NOT_AUDIO, "the container holds no audio stream");
        }
        if (result.failed()) {
            throw new AudioDecodeException(file, Reason.CORRUPT, result.error(), partial, null);
        }
        if (structure.damaged() && structure.expectedFrames() <= 0) {
            // without a sample count to compare with, the damage the scan found is all we know
            throw new AudioDecodeException(file, Reason.CORRUPT, structure.damagedBecause(), partial, null);
        }
        if (result.sourceFrames() == 0 || result.source() == null) {
            throw new AudioDecodeException(file, Reason.CORRUPT, "it contains no audio samples");
        }
        return new StreamedAudio<>((S) result.output().sink(), result.samples(), targetRate, result.source());
    }

    private AudioDecodeException needsFfmpeg(Path file, ContainerFormat format, String why) {
        String ext = extension(file);
        String what = ext.isEmpty() ? format.label() + " files" : "." + ext;
        return new AudioDecodeException(file, Reason.UNSUPPORTED_FORMAT, "its content is " + format.label() + why
                + "; install ffmpeg (e.g. `apt install ffmpeg`) and make sure it is on PATH to read " + what);
    }

    /** Refuses what cannot be opened as a file, before anything could block on it; returns the size. */
    private static long checkReadable(Path file) throws AudioDecodeException {
        if (!Files.exists(file)) {
            boolean danglingLink = Files.exists(file, LinkOption.NOFOLLOW_LINKS);
            throw new AudioDecodeException(file, Reason.NOT_FOUND, danglingLink
                    ? "it is a link to a file that does not exist" : "check the path; was the file moved or deleted?");
        }
        if (Files.isDirectory(file)) {
            throw new AudioDecodeException(file, Reason.UNREADABLE, "it is a directory");
        }
        if (!Files.isRegularFile(file)) {
            throw new AudioDecodeException(file, Reason.UNREADABLE, "it is not a regular file (a pipe or a device?)");
        }
        if (!Files.isReadable(file)) {
            throw new AudioDecodeException(file, Reason.UNREADABLE, "permission denied; check the file's permissions");
        }
        try {
            long size = Files.size(file);
            if (size == 0) {
                throw new AudioDecodeException(file, Reason.EMPTY, "");
            }
            return size;
        } catch (IOException e) {
            throw new AudioDecodeException(file, Reason.UNREADABLE, e.getMessage(), e);
        }
    }

    /** True when an ffmpeg binary was found and answers {@code -version}. */
    public boolean ffmpegAvailable() {
        return ffmpegVersion().isPresent();
    }

    /** The ffmpeg binary this decoder runs, when it found one and it answers. */
    public Optional<Path> ffmpegBinary() {
        return ffmpegAvailable() ? ffmpegBinary : Optional.empty();
    }

    /** The first line of {@code ffmpeg -version}; asked once, on first use, not at construction. */
    public Optional<String> ffmpegVersion() {
        Optional<String> known = version;
        if (known == null) {
            synchronized (this) {
                if (version == null) {
                    version = ffmpegBinary.flatMap(FfmpegLocator::version);
                }
                known = version;
            }
        }
        return known;
    }

    /** Extensions the pure-Java path reads, lower case, without the dot. */
    public Set<String> jvmExtensions() {
        return JVM_EXTENSIONS;
    }

    /** Every extension this decoder may read (the pure-Java ones and ffmpeg's), lower case, without the dot. */
    public Set<String> readableExtensions() {
        Set<String> all = new java.util.HashSet<>(JVM_EXTENSIONS);
        all.addAll(FFMPEG_EXTENSIONS);
        return Set.copyOf(all);
    }

    /** Extensions read through ffmpeg when it is available, lower case, without the dot. */
    public Set<String> ffmpegExtensions() {
        return FFMPEG_EXTENSIONS;
    }

    /** Judged by the file name only (for listing a library quickly); {@link #decode} goes by the content. */
    public boolean canDecode(Path file) {
        String ext = extension(file);
        return JVM_EXTENSIONS.contains(ext) || (FFMPEG_EXTENSIONS.contains(ext) && ffmpegAvailable());
    }

    static String extension(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return "";
        }
        String text = name.toString();
        int dot = text.lastIndexOf('.');
        return dot <= 0 || dot == text.length() - 1 ? "" : text.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
