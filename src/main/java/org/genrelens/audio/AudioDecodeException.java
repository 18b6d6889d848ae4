package org.genrelens.audio;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** A file could not be decoded; {@link #reason()} says why in a form code can act on, the message in words. */
public final class AudioDecodeException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a decode failed. */
    public enum Reason {
        /** No file at the path. */
        NOT_FOUND("the file does not exist"),
        /** A directory, a device or pipe, or a file the operating system will not let us read. */
        UNREADABLE("the file cannot be read"),
        /** Zero bytes. */
        EMPTY("the file is empty (0 bytes)"),
        /** The bytes are no audio format we know (random data, text, an image...). */
        NOT_AUDIO("the content is not a known audio format"),
        /** A real audio format that needs ffmpeg, and there is none; or one nothing here can decode. */
        UNSUPPORTED_FORMAT("the audio format is not supported"),
        /** The file ends before its own headers say it should: an interrupted download or copy. */
        TRUNCATED("the file is cut short (an interrupted download or copy?)"),
        /** The decoder failed on damaged data, or found no samples at all. */
        CORRUPT("the audio data is damaged"),
        /** Decoding ran past its deadline and was stopped. */
        TIMED_OUT("decoding took too long and was stopped");

        private final String words;

        Reason(String words) {
            this.words = words;
        }

        /** The reason in plain words, for people. */
        public String words() {
            return words;
        }
    }

    private final Path file;
    private final Reason reason;
    private final transient DecodedAudio partialAudio;

    public AudioDecodeException(Path file, Reason reason, String detail) {
        this(file, reason, detail, null, null);
    }

    public AudioDecodeException(Path file, Reason reason, String detail, Throwable cause) {
        this(file, reason, detail, null, cause);
    }

    AudioDecodeException(Path file, Reason reason, String detail, DecodedAudio partialAudio, Throwable cause) {
        super(message(file, reason, detail), cause);
        this.file = Objects.requireNonNull(file, "file");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.partialAudio = partialAudio;
    }

    public Path file() {
        return file;
    }

    public Reason reason() {
        return reason;
    }

    /**
     * The audio decoded before a {@link Reason#TRUNCATED} or {@link Reason#CORRUPT} file stopped, when there was
     * any: a caller that prefers some audio to none (a partly downloaded song still has a genre) may use it.
     */
    public Optional<DecodedAudio> partialAudio() {
        return Optional.ofNullable(partialAudio);
    }

    private static String message(Path file, Reason reason, String detail) {
        String text = "Cannot decode " + file + ": " + reason.words;
        return detail == null || detail.isBlank() ? text + "." : text + ": " + detail;
    }
}
