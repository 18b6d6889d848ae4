package org.genrelens.audio;

/**
 * What one decoder made of a file; the samples went to {@code output}.
 *
 * @param output       where the mono samples at the target rate went
 * @param source       the file's own format
 * @param sourceFrames frames per channel read from the file, before resampling
 * @param error        why decoding stopped before the end of the stream, or null when it ran to the end
 * @param concealed    what ffmpeg reported while it went on decoding (damaged packets it skipped), or ""
 */
record PcmResult(PcmOutput output, AudioSource source, long sourceFrames, String error, String concealed) {

    PcmResult(PcmOutput output, AudioSource source, long sourceFrames, String error) {
        this(output, source, sourceFrames, error, "");
    }

    /** Mono samples delivered at the target rate. */
    long samples() {
        return output.samples();
    }

    /** With {@code sourceFrames} set to the sample count: for output that ffmpeg did not resample. */
    PcmResult withFramesFromSamples() {
        return new PcmResult(output, source, samples(), error, concealed);
    }

    PcmResult withConcealed(String text) {
        return new PcmResult(output, source, sourceFrames, error, text == null ? "" : text);
    }

    boolean failed() {
        return error != null;
    }
}
