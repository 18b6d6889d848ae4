package org.genrelens.audio;

/** Audio formats recognised from a file's first bytes, and whether the pure-Java path reads them. */
enum ContainerFormat {
    WAV("wav", true),
    AIFF("aiff", true),
    AU("au", true),
    MP3("mp3", true),
    FLAC("flac", true),
    OGG_VORBIS("ogg-vorbis", true),
    OGG_OPUS("opus", false),
    /** Ogg with FLAC, Speex or an unknown first stream. */
    OGG_OTHER("ogg", false),
    /** ISO base media: m4a, mp4, 3gp, mov (AAC, ALAC...). */
    MP4("mp4", false),
    ADTS_AAC("aac", false),
    /** WMA and other ASF. */
    ASF("asf", false),
    /** Matroska and WebM. */
    MATROSKA("matroska", false),
    RF64("rf64", false),
    CAF("caf", false),
    APE("ape", false),
    WAVPACK("wavpack", false),
    AC3("ac3", false),
    AMR("amr", false),
    /** Content that matches none of the signatures above, handed to ffmpeg to recognise (when there is one). */
    OTHER("other", false),
    UNKNOWN("unknown", false);

    private final String label;
    private final boolean jvm;

    ContainerFormat(String label, boolean jvm) {
        this.label = label;
        this.jvm = jvm;
    }

    /** The name reported in {@link AudioSource#format()}. */
    String label() {
        return label;
    }

    /** True when the JavaSound providers on the classpath decode it; the others need ffmpeg. */
    boolean jvmDecodable() {
        return jvm;
    }
}
