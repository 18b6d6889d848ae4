package org.genrelens.audio;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Tells whether a file is audio by its content, not its name, without decoding it: a cheap look at the first
 * bytes (at most two 64 KiB reads). The library scanner uses it to find wrongly named audio and to refuse text
 * named .mp3.
 */
public final class AudioProbe {

    /**
     * What the first bytes say.
     *
     * @param format      the container format ("wav", "mp3", "flac", "ogg-vorbis", "mp4", ...), "unknown" when
     *                    the content matches no audio format
     * @param audioOffset where the audio begins after a leading tag (an ID3v2 tag before MP3 or FLAC), else 0
     * @param text        true when a non-audio file looks like text
     */
    public record Probe(String format, long audioOffset, boolean text) {

        public Probe {
            if (format == null || format.isBlank()) {
                throw new IllegalArgumentException("format must not be blank");
            }
            if (audioOffset < 0) {
                throw new IllegalArgumentException("audioOffset must not be negative, was " + audioOffset);
            }
        }

        public boolean isAudio() {
            return !format.equals(ContainerFormat.UNKNOWN.label());
        }
    }

    private AudioProbe() {
    }

    /** Reads the file's first bytes; an empty file is "unknown". */
    public static Probe probe(Path file) throws IOException {
        ContentSniffer.Sniff sniff = ContentSniffer.sniff(file);
        return new Probe(sniff.format().label(), sniff.payloadOffset(), sniff.looksLikeText());
    }

    public static boolean isAudio(Path file) throws IOException {
        return probe(file).isAudio();
    }
}
