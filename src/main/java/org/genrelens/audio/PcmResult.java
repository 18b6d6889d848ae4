package org.genrelens.audio;

/**
 * What one decoder made of a file.
 *
 * @param samples      mono samples at the target rate
 * @param source       the file's own format
 * @param sourceFrames frames per channel read from the file, before resampling
 * @param error        why decoding stopped before the end of the stream, or null when it ran to the end
 */
record PcmResult(float[] samples, AudioSource source, long sourceFrames, String error) {

    boolean failed() {
        return error != null;
    }
}
