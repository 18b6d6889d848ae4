package org.genrelens.audio;

import java.util.Objects;

/**
 * What a decoded file was before it became mono float PCM.
 *
 * @param format        the content's format as recognised from its bytes, e.g. "wav", "mp3", "flac", "ogg-vorbis",
 *                      "opus", "mp4" (never taken from the file name)
 * @param sampleRate    the file's own sample rate, Hz
 * @param channels      the file's channel count
 * @param bitsPerSample bits per sample of PCM and FLAC content; 0 when unknown or lossy (mp3, vorbis, aac, opus)
 * @param decoder       {@link #JVM} or {@link #FFMPEG}
 */
public record AudioSource(String format, int sampleRate, int channels, int bitsPerSample, String decoder) {

    public static final String JVM = "jvm";
    public static final String FFMPEG = "ffmpeg";

    public AudioSource {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(decoder, "decoder");
        if (format.isBlank()) {
            throw new IllegalArgumentException("format must not be blank");
        }
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate must be positive, was " + sampleRate);
        }
        if (channels <= 0) {
            throw new IllegalArgumentException("channels must be positive, was " + channels);
        }
        if (bitsPerSample < 0) {
            throw new IllegalArgumentException("bitsPerSample must be 0 (unknown) or positive, was " + bitsPerSample);
        }
        if (!decoder.equals(JVM) && !decoder.equals(FFMPEG)) {
            throw new IllegalArgumentException("decoder must be \"jvm\" or \"ffmpeg\", was " + decoder);
        }
    }
}
