package org.genrelens.training.cnn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/**
 * Builds the DJL network of a {@link ModelSpec} from DJL's own blocks. The child order built here is what
 * {@link CnnLayout} walks to name the parameters, and what {@link CnnGraph} writes as ONNX nodes; change the
 * three together.
 *
 * <p>Structure (a {@link SequentialBlock}): one {@link SequentialBlock} per spec block, then global average
 * pool, flatten, optional Linear → ReLU → Dropout, and the classifier Linear. A plain block is
 * [Conv2d, BatchNorm, ReLU, pool]; a residual block is [ParallelBlock(add)[[Conv2d, BatchNorm, ReLU, Conv2d,
 * BatchNorm], shortcut], ReLU, pool] with the shortcut an identity or [Conv2d 1×1, BatchNorm].
 * Convolutions have no bias: the BatchNorm after each one has its own shift.
 */
public final class CnnBuilder {

    /** BatchNorm epsilon, written into the ONNX BatchNormalization nodes too (DJL's default, set explicitly). */
    static final float BATCH_NORM_EPSILON = 1e-5f;
    /** Weight of the old running statistics per training batch (DJL's default). */
    static final float BATCH_NORM_MOMENTUM = 0.9f;

    static {
        PyTorchSetup.prepare();
    }

    private CnnBuilder() {
    }

    /**
     * The DJL network: input [N, inputChannels, H, W] float32 → logits [N, classes] (NO softmax). With a
     * statistics branch: ParallelBlock(sum)[[the network without it], [{@link StatisticsBranch}, its own output
     * Linear]]: the two heads' logits are added, so each part can be frozen or started on its own.
     */
    public static Block build(ModelSpec spec) {
        SequentialBlock trunk = trunk(spec).add(classifier(spec));
        if (!spec.statistics().present()) {
            return trunk;
        }
        SequentialBlock statistics = StatisticsBranch.build(spec.statistics()).add(classifier(spec));
        return new ParallelBlock(CnnBuilder::add, List.of(trunk, statistics));
    }

    private static Block classifier(ModelSpec spec) {
        return Linear.builder().setUnits(spec.classes()).build();
    }

    /** Blocks, global average pool, flatten, optional dense: everything but the classifier. */
    private static SequentialBlock trunk(ModelSpec spec) {
        SequentialBlock net = new SequentialBlock();
        int in = spec.inputChannels();
        for (int out : spec.blockChannels()) {
            net.add(spec.residual() ? residualBlock(spec, in, out) : plainBlock(spec, out));
            in = out;
        }
        net.add(Pool.globalAvgPool2dBlock());
        net.add(Blocks.batchFlattenBlock());
        if (spec.denseWidth() > 0) {
            net.add(Linear.builder().setUnits(spec.denseWidth()).build());
            net.add(Activation.reluBlock());
            net.add(Dropout.builder().optRate((float) spec.dropout()).build());
        }
        return net;
    }

    private static Block plainBlock(ModelSpec spec, int out) {
        return new SequentialBlock()
                .add(conv(out, spec.kernelSize()))
                .add(batchNorm())
                .add(Activation.reluBlock())
                .add(pool(spec.pooling()));
    }

    private static Block residualBlock(ModelSpec spec, int in, int out) {
        Block main = new SequentialBlock()
                .add(conv(out, spec.kernelSize()))
                .add(batchNorm())
                .add(Activation.reluBlock())
                .add(conv(out, spec.kernelSize()))
                .add(batchNorm());
        Block shortcut = in == out
                ? Blocks.identityBlock()
                : new SequentialBlock().add(conv(out, 1)).add(batchNorm());
        Block sum = new ParallelBlock(CnnBuilder::add, List.of(main, shortcut));
        return new SequentialBlock()
                .add(sum)
                .add(Activation.reluBlock())
                .add(pool(spec.pooling()));
    }

    private static NDList add(List<NDList> branches) {
        return new NDList(branches.get(0).singletonOrThrow().add(branches.get(1).singletonOrThrow()));
    }

    private static Block conv(int filters, int kernel) {
        return Conv2d.builder()
                .setKernelShape(new Shape(kernel, kernel))
                .optPadding(new Shape(kernel / 2, kernel / 2))
                .setFilters(filters)
                .optBias(false)
                .build();
    }

    private static Block batchNorm() {
        return BatchNorm.builder().optEpsilon(BATCH_NORM_EPSILON).optMomentum(BATCH_NORM_MOMENTUM).build();
    }

    private static Block pool(PoolingType pooling) {
        Shape two = new Shape(2, 2);
        return switch (pooling) {
            case MAX -> Pool.maxPool2dBlock(two, two);
            case AVG -> Pool.avgPool2dBlock(two, two);
        };
    }
}
