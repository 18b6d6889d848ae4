package org.genrelens.audio;

/**
 * What one decoder made of a file.
 *
 * @param samples      mono samples at the target rate
 * @param source       the file's own format
 * @param sourceFrames frames per channel read from the file, before resampling
 * @param error        why decoding stopped before the end of the stream, or null when it ran to the end
 * @param concealed    what ffmpeg reported while it went on decoding (damaged packets it skipped), or ""
 */
record PcmResult(float[] samples, AudioSource source, long sourceFrames, String error, String concealed) {

    PcmResult(float[] samples, AudioSource source, long sourceFrames, String error) {
        this(samples, source, sourceFrames, error, "");
    }

    /** With {@code sourceFrames} set to the sample count: for output that ffmpeg did not resample. */
    PcmResult withFramesFromSamples() {
        return new PcmResult(samples, source, samples.length, error, concealed);
    }

    PcmResult withConcealed(String text) {
        return new PcmResult(samples, source, sourceFrames, error, text == null ? "" : text);
    }

    boolean failed() {
        return error != null;
    }
}
