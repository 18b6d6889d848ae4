package org.genrelens.training.cnn;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

/**
 * Real DJL networks for the tests: seeded, trained a few Adam steps on random tiles so that the BatchNorm
 * running statistics have left their 0/1 start, evaluated in eval mode, and compared with ONNX Runtime.
 */
public final class CnnTestNets {

    static final int TRAIN_BATCH = 8;

    private CnnTestNets() {
    }

    /** A model of {@code spec} trained {@code steps} Adam steps on random [8, C, height, width] tiles. */
    public static Model trained(ModelSpec spec, int height, int width, long seed, int steps) {
        Engine.getInstance().setRandomSeed((int) seed);
        Model model = Model.newInstance("cnn-" + seed);
        model.setBlock(CnnBuilder.build(spec));
        Random random = new Random(seed);
        Shape shape = new Shape(TRAIN_BATCH, spec.inputChannels(), height, width);
        try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.01f)).build()))) {
            trainer.initialize(shape);
            GradientBuffers.clear(model.getBlock());
            for (int step = 0; step < steps; step++) {
                try (NDManager batch = model.getNDManager().newSubManager()) {
                    // Shifted and scaled so the running mean and variance move visibly away from 0 and 1.
                    NDArray x = batch.create(gaussian(random, (int) shape.size(), 0.7f, 2.0f), shape);
                    float[] classes = new float[TRAIN_BATCH];
                    for (int i = 0; i < classes.length; i++) {
                        classes[i] = random.nextInt(spec.classes());
                    }
                    NDArray y = batch.create(classes);
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDArray loss = trainer.getLoss().evaluate(new NDList(y), trainer.forward(new NDList(x)));
                        collector.backward(loss);
                    }
                    trainer.step();
                }
            }
        }
        return model;
    }

    /** A freshly built and initialised network of {@code spec}, seeded. */
    static Block initialised(ModelSpec spec, NDManager manager, int height, int width, long seed) {
        Engine.getInstance().setRandomSeed((int) seed);
        Block block = CnnBuilder.build(spec);
        block.initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32,
                new Shape(1, spec.inputChannels(), height, width));
        return block;
    }

    /** Softmax of the eval-mode forward (running statistics, no dropout), computed in a sub-manager. */
    static float[] evalProbabilities(Block block, NDManager manager, float[] input, long[] shape) {
        try (NDManager sub = manager.newSubManager()) {
            NDArray x = sub.create(input, new Shape(shape));
            NDList out = block.forward(new ParameterStore(sub, false), new NDList(x), false);
            return out.singletonOrThrow().softmax(1).toFloatArray();
        }
    }

    /** The file's "probabilities" for {@code input}, from a real ONNX Runtime session. */
    static float[] onnxProbabilities(Path onnx, float[] input, long[] shape) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(onnx.toString(), new OrtSession.SessionOptions());
                OnnxTensor tiles = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), shape);
                OrtSession.Result result = session.run(Map.of(CnnGraph.INPUT, tiles))) {
            float[][] probabilities = (float[][]) result.get(CnnGraph.OUTPUT).orElseThrow().getValue();
            float[] flat = new float[probabilities.length * probabilities[0].length];
            for (int i = 0; i < probabilities.length; i++) {
                System.arraycopy(probabilities[i], 0, flat, i * probabilities[i].length, probabilities[i].length);
            }
            return flat;
        }
    }

    static float[] gaussian(Random random, int size, float mean, float std) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) (mean + std * random.nextGaussian());
        }
        return values;
    }

    static float maxAbsDifference(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new AssertionError("lengths differ: " + a.length + " vs " + b.length);
        }
        float max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
