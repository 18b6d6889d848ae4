package org.genrelens.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.genrelens.testing.TestAudio;
import org.junit.jupiter.api.Test;

class MonoResamplingSinkTest {

    @Test
    void downsamplingKeepsATonePreciselyInPhase() {
        float[] in = TestAudio.sine(1000, 2, 44_100, 0.5);
        float[] expected = TestAudio.sine(1000, 2, 22_050, 0.5);

        float[] out = feedInChunks(in, 1, 44_100, 22_050, 1000);

        assertEquals(expected.length, out.length);
        double maxError = 0;
        for (int i = 200; i < out.length - 200; i++) {
            maxError = Math.max(maxError, Math.abs(out[i] - expected[i]));
        }
        assertTrue(maxError < 0.01, "sinc resampling error " + maxError);
    }

    @Test
    void toneAboveTheNewNyquistIsFilteredOutNotAliased() {
        float[] in = TestAudio.sine(15_000, 2, 44_100, 0.5);

        float[] out = feedInChunks(in, 1, 44_100, 22_050, 4096);

        assertTrue(SignalMeasure.rmsDb(out) < SignalMeasure.rmsDb(in) - 50, "aliased energy " + SignalMeasure.rmsDb(out));
    }

    @Test
    void upsamplingFromEightKilohertzKeepsLevelAndFrequency() {
        float[] in = TestAudio.sine(1000, 2, 8_000, 0.5);

        float[] out = feedInChunks(in, 1, 8_000, 22_050, 333);

        assertEquals(Math.round(2 * 22_050.0), out.length);
        assertEquals(SignalMeasure.rmsDb(in), SignalMeasure.rmsDb(out), 0.1);
        assertEquals(1000, SignalMeasure.dominantFrequency(out, 22_050), 3);
    }

    @Test
    void skippedAndLimitedFramesAreDroppedBeforeResampling() {
        float[] in = TestAudio.interleave(TestAudio.sine(1000, 1, 22_050, 0.5), 2);
        SampleCollector out = new SampleCollector();
        MonoResamplingSink sink = new MonoResamplingSink(2, 22_050, 22_050, 100, 1000, output(out));

        sink.accept(in, 22_050);
        sink.finish();

        assertEquals(1000, sink.framesIn());
        assertEquals(1000, out.samples().length);
    }

    private static float[] feedInChunks(float[] in, int channels, int from, int to, int chunk) {
        SampleCollector out = new SampleCollector();
        MonoResamplingSink sink = new MonoResamplingSink(channels, from, to, 0, -1, output(out));
        float[] buffer = new float[chunk];
        for (int i = 0; i < in.length; i += chunk) {
            int n = Math.min(chunk, in.length - i);
            System.arraycopy(in, i, buffer, 0, n);
            sink.accept(buffer, n);
        }
        sink.finish();
        return out.samples();
    }

    private static PcmOutput output(PcmSink sink) {
        return new PcmOutput(sink, Deadline.after(java.time.Duration.ofMinutes(1)));
    }
}
