package org.genrelens.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.genrelens.features.FeatureSpec;
import org.genrelens.features.Tiles;
import org.genrelens.inference.ClassifierOptions;
import org.genrelens.inference.ExecutionPreference;
import org.genrelens.inference.GenreClassifier;
import org.genrelens.testing.OnnxTestModels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time per 5 s window of the representative CNN (blocks of 16, 32, 64, 128 channels) on the default mel
 * FeatureSpec, input [N, 1, 128, 215], ONNX Runtime on the CPU with 2 intra-op threads. Each invocation
 * classifies 32 windows in batches of {@code batch}, so the score is milliseconds per window.
 * Product target: at most 1.5 ms per window at batch 32 on 2 cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class InferenceBenchmark {

    private static final int WINDOWS = 32;

    @Param({"1", "32"})
    public int batch;

    /** "representative": a 4-block residual CNN on the default 128-band spec; "bundled": models/genre-cnn.onnx. */
    @Param({"representative", "bundled"})
    public String model;

    private Path dir;
    private GenreClassifier classifier;
    private Tiles tiles;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("inference-bench");
        Path onnx;
        if (model.equals("bundled")) {
            onnx = Path.of("models", "genre-cnn.onnx");
        } else {
            onnx = OnnxTestModels.writeCnn(dir, "bench-cnn", FeatureSpec.defaultMel(),
                    List.of("blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "pop", "reggae",
                            "rock"), new int[] {16, 32, 64, 128}, 2024);
        }
        ClassifierOptions options = new ClassifierOptions(ExecutionPreference.CPU, 2, batch, 0.5f);
        classifier = GenreClassifier.open(onnx, options);
        FeatureSpec spec = classifier.featureSpec();
        int tileSize = spec.channels() * spec.height() * spec.framesPerWindow();
        float[] data = new float[WINDOWS * tileSize];
        Random random = new Random(1);
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (random.nextGaussian() * 0.8 - 0.5);
        }
        double[] starts = new double[WINDOWS];
        for (int i = 0; i < WINDOWS; i++) {
            starts[i] = i * spec.windowHopSeconds();
        }
        tiles = new Tiles(data, WINDOWS, spec.channels(), spec.height(), spec.framesPerWindow(), starts, false);
    }

    @Benchmark
    @OperationsPerInvocation(WINDOWS)
    public float[][] windowProbabilities() {
        return classifier.windowProbabilities(tiles);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        classifier.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
