package org.genrelens.audio;

import java.util.Objects;
import org.genrelens.task.CancelledException;

/**
 * Where one decode attempt delivers its samples: the caller's {@link PcmSink}, counted. Time spent in the sink is
 * the caller's work, not the decoder's, so it is added to the decode's {@link Deadline}; and an exception from the
 * sink is wrapped in a {@link SinkFailure}, which the decoders let through instead of reporting it as damage.
 */
final class PcmOutput {

    /** The caller's sink threw; {@link AudioDecoder} rethrows the cause. */
    static final class SinkFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SinkFailure(RuntimeException cause) {
            super(cause.getMessage(), cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }

    private final PcmSink sink;
    private final Deadline deadline;
    private long samples;

    PcmOutput(PcmSink sink, Deadline deadline) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
    }

    /** An output that keeps everything, for excerpts and tests. */
    static PcmOutput collecting(Deadline deadline) {
        return new PcmOutput(new SampleCollector(), deadline);
    }

    void expect(long count) {
        if (count > 0) {
            sink.expect(count);
        }
    }

    void accept(float[] chunk, int offset, int count) {
        if (count <= 0) {
            return;
        }
        long start = System.nanoTime();
        try {
            sink.accept(chunk, offset, count);
        } catch (CancelledException | SinkFailure e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SinkFailure(e);
        } finally {
            deadline.extend(System.nanoTime() - start);
        }
        samples += count;
    }

    /** Samples delivered so far. */
    long samples() {
        return samples;
    }

    PcmSink sink() {
        return sink;
    }

    /** What a collecting output holds (empty for any other sink). */
    float[] collected() {
        return sink instanceof SampleCollector collector ? collector.samples() : new float[0];
    }
}
