package org.genrelens.bench;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.genrelens.features.FeatureSpec;
import org.genrelens.training.cnn.CnnBuilder;
import org.genrelens.training.FineTuneStart;
import org.genrelens.training.cnn.ModelSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One Adam training step (forward, backward, update) on a batch of 32 tiles, DJL on the PyTorch CPU engine:
 * {@code small} is {@code ModelSpec.small(1, 10)} on default-FeatureSpec tiles [1, 128, 215]; {@code bundled} is
 * the bundled model's network on its tiles, both read from its card (what fine-tuning it trains).
 * The score is milliseconds per step; an epoch over 1,000 windows takes 1000 / 32 steps, i.e. score × 31.25 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class TrainStepBenchmark {

    private static final int BATCH = 32;

    @Param({"small", "bundled"})
    public String network;

    private Model model;
    private Trainer trainer;
    private Shape shape;
    private float[] tiles;
    private float[] labels;

    @Setup(Level.Trial)
    public void setUp() {
        System.setProperty("ai.djl.offline", "true");
        FeatureSpec features;
        ModelSpec spec;
        if (network.equals("small")) {
            features = FeatureSpec.defaultMel();
            spec = ModelSpec.small(features.channels(), 10);
        } else {
            FineTuneStart bundled = readBundled();
            features = bundled.card().featureSpec();
            spec = bundled.network().withClasses(bundled.labels().size());
        }
        Engine.getInstance().setRandomSeed(2024);
        model = Model.newInstance("train-step-bench");
        model.setBlock(CnnBuilder.build(spec));
        trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.adam().build()));
        shape = new Shape(BATCH, features.channels(), features.height(), features.framesPerWindow());
        trainer.initialize(shape);
        Random random = new Random(1);
        tiles = new float[(int) shape.size()];
        for (int i = 0; i < tiles.length; i++) {
            tiles[i] = (float) (random.nextGaussian() * 0.8 - 0.5);
        }
        labels = new float[BATCH];
        for (int i = 0; i < BATCH; i++) {
            labels[i] = random.nextInt(spec.classes());
        }
    }

    /** The bundled model as fine-tuning starts from it: its card's tiles and network. */
    private static FineTuneStart readBundled() {
        try {
            return FineTuneStart.read(java.nio.file.Path.of("models", "genre-cnn.onnx"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A step as the trainer runs it: the batch arrives as floats and lives in its own sub-manager. */
    @Benchmark
    public float adamStep() {
        try (NDManager batch = model.getNDManager().newSubManager()) {
            NDArray x = batch.create(tiles, shape);
            NDArray y = batch.create(labels);
            float loss;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDArray value = trainer.getLoss().evaluate(new NDList(y), trainer.forward(new NDList(x)));
                collector.backward(value);
                loss = value.getFloat();
            }
            trainer.step();
            return loss;
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        trainer.close();
        model.close();
    }
}
