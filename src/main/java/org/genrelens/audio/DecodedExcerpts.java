package org.genrelens.audio;

import java.util.List;
import java.util.Objects;

/**
 * Parts of a track decoded to mono float PCM at {@code sampleRate}, for quick analysis.
 *
 * @param excerpts        the parts, in order, each exactly as long as asked (silence-padded at the end of the track);
 *                        or, when {@code whole}, one array holding the whole track
 * @param startSamples    where each excerpt starts in the track, in samples at {@code sampleRate} ({0} when whole)
 * @param durationSeconds the track's length as its headers announce it (or as decoded, when whole)
 * @param trackSamples    that length in samples at {@code sampleRate}: what the {@link Plan} was given
 * @param whole           true when the decoder could not seek (or the track is too short to need it) and decoded
 *                        everything; the caller then cuts its windows from the whole track
 * @param method          how the excerpts were read, for logs and benchmarks: "pcm-seek", "ffmpeg-seek" or "whole"
 */
public record DecodedExcerpts(List<float[]> excerpts, long[] startSamples, int sampleRate, double durationSeconds,
        long trackSamples, AudioSource source, boolean whole, String method) {

    public DecodedExcerpts {
        excerpts = List.copyOf(excerpts);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(method, "method");
        if (excerpts.isEmpty() || excerpts.size() != startSamples.length) {
            throw new IllegalArgumentException("need one start per excerpt and at least one excerpt");
        }
        startSamples = startSamples.clone();
    }

    @Override
    public long[] startSamples() {
        return startSamples.clone();
    }

    /** What became of one file of a batch: its excerpts, or why it could not be decoded. */
    public record Outcome(java.nio.file.Path file, DecodedExcerpts excerpts, AudioDecodeException error) {

        public Outcome {
            Objects.requireNonNull(file, "file");
            if ((excerpts == null) == (error == null)) {
                throw new IllegalArgumentException("an outcome has excerpts or an error");
            }
        }
    }

    /** Says where the excerpts start, given the track's length in samples at the target rate. */
    @FunctionalInterface
    public interface Plan {
        /**
         * @return ascending start samples of the excerpts, or null to decode the whole track instead (too short to
         *         choose from)
         */
        long[] startSamples(long trackSamples);
    }
}
