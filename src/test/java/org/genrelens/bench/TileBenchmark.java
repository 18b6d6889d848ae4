package org.genrelens.bench;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.genrelens.features.FeatureSpec;
import org.genrelens.features.SpectrogramType;
import org.genrelens.features.TileExtractor;
import org.genrelens.features.Tiles;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time of {@link TileExtractor#extract} per 5 s window on a 60 s music-like track at 22.05 kHz. JMH divides
 * each call by the track's 22 windows, so the score is milliseconds per window.
 *
 * <p>{@code ./mvnw -o -q -Pbench test-compile exec:exec -Dbench.args="TileBenchmark -f 1 -wi 2 -i 3"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TileBenchmark {

    /** Tiles of a 60 s track with the default windows: 2584 frames, 215 wide, every 108. */
    private static final int TILES_IN_60_S = 23;
    private static final int SR = 22_050;

    @Param({"MEL", "MULTI_STFT", "STFT"})
    public SpectrogramType type;

    private TileExtractor extractor;
    private float[] track;

    @Setup
    public void setUp() {
        FeatureSpec d = FeatureSpec.defaultMel();
        List<Integer> fftSizes = type == SpectrogramType.MULTI_STFT ? List.of(512, 1024, 2048) : List.of(1024);
        extractor = new TileExtractor(new FeatureSpec(type, SR, d.windowSeconds(), d.windowHopSeconds(), fftSizes,
                d.hopLength(), d.bands(), d.fMin(), d.fMax(), d.stftScale(), d.dbReference(), d.topDb(),
                d.normMean(), d.normStd()));
        track = music(60.0);
        int tiles = extractor.extract(track).count();
        if (tiles != TILES_IN_60_S) {
            throw new IllegalStateException("expected " + TILES_IN_60_S + " tiles in 60 s, got " + tiles
                    + "; update @OperationsPerInvocation");
        }
    }

    @Benchmark
    @OperationsPerInvocation(TILES_IN_60_S)
    public Tiles extract() {
        return extractor.extract(track);
    }

    /** Chords changing every half second over a bass line, a percussive noise burst per beat. */
    private static float[] music(double seconds) {
        int n = (int) (seconds * SR);
        float[] out = new float[n];
        double[][] chords = {{220, 277.2, 329.6}, {196, 246.9, 293.7}, {174.6, 220, 261.6}, {164.8, 207.7, 246.9}};
        Random random = new Random(1);
        for (int i = 0; i < n; i++) {
            double t = (double) i / SR;
            double[] chord = chords[(int) (t * 2) % chords.length];
            double v = 0.3 * Math.sin(2 * Math.PI * chord[0] / 2 * t);
            for (double f : chord) {
                v += 0.15 * Math.sin(2 * Math.PI * f * t) + 0.05 * Math.sin(2 * Math.PI * 3 * f * t);
            }
            double sinceBeat = t % 0.5;
            v += 0.3 * Math.exp(-sinceBeat * 30) * (random.nextDouble() * 2 - 1);
            out[i] = (float) v;
        }
        return out;
    }
}
