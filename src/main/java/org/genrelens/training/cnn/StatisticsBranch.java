package org.genrelens.training.cnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import org.genrelens.training.baseline.CepstralStatistics;
import org.genrelens.training.baseline.TileStatistics;

/**
 * The DJL layers of a {@link StatisticsPath}: [frames (a transpose), cepstrum (Linear over the bands, no bias),
 * pooling (mean and spread of the cepstrum and its delta over the frames), {@link Standardiser}, then if the path
 * has a width: Linear, ReLU]. The pooling computes what {@link CepstralStatistics#of} computes, in the same
 * order, so a regression fitted on those features fits this branch's output.
 */
final class StatisticsBranch {

    /** Child indices of the branch, for {@link CnnLayout}. */
    static final int CEPSTRUM = 1;
    static final int STANDARDISER = 3;
    static final int DENSE = 4;

    private StatisticsBranch() {
    }

    static SequentialBlock build(StatisticsPath path) {
        SequentialBlock branch = new SequentialBlock()
                .add(LambdaBlock.singleton(x -> x.transpose(0, 1, 3, 2), "frames"))
                .add(Linear.builder().setUnits(path.coefficients()).optBias(false).build())
                .add(new LambdaBlock(StatisticsBranch::pool, "cepstral-statistics"))
                .add(new Standardiser());
        if (path.width() > 0) {
            branch.add(Linear.builder().setUnits(path.width()).build());
            branch.add(Activation.reluBlock());
        }
        return branch;
    }

    /**
     * Freezes or unfreezes the branch's trainable layers (the cepstrum, the hidden dense layer and its output layer);
     * the standardiser is never trained.
     */
    static void freeze(Block network, ModelSpec spec, boolean frozen) {
        for (CnnLayout.NamedParameter named : CnnLayout.parameters(spec, network)) {
            if (named.name().startsWith(CnnLayout.STATISTICS_DCT + ".")
                    || named.name().startsWith(CnnLayout.STATISTICS_DENSE + ".")
                    || named.name().startsWith(CnnLayout.STATISTICS_HEAD + ".")) {
                named.parameter().freeze(frozen);
            }
        }
    }

    /** Layers in the branch before its output layer: 4, or 6 with a hidden width. */
    static int layerCount(StatisticsPath path) {
        return path.width() > 0 ? 6 : 4;
    }

    /** {@code [N, C, frames, n]} → {@code [N, 4·C·n]}: means, spreads, delta means, delta spreads; channel-major. */
    private static NDList pool(NDList input) {
        NDArray cepstrum = input.singletonOrThrow();
        NDArray delta = cepstrum.get(new NDIndex(":, :, 1:, :")).sub(cepstrum.get(new NDIndex(":, :, :-1, :")));
        NDArray[] cepstrumStats = meanAndSpread(cepstrum);
        NDArray[] deltaStats = meanAndSpread(delta);
        return new NDList(NDArrays.concat(new NDList(cepstrumStats[0], cepstrumStats[1], deltaStats[0],
                deltaStats[1]), 1));
    }

    /** Over the frames (axis 2), flattened to {@code [N, C·n]}; two-pass variance as in CepstralStatistics. */
    private static NDArray[] meanAndSpread(NDArray x) {
        NDArray mean = x.mean(new int[] {2}, true);
        NDArray variance = x.sub(mean).square().mean(new int[] {2});
        NDArray spread = variance.add(TileStatistics.VARIANCE_EPSILON).sqrt();
        long batch = x.getShape().get(0);
        return new NDArray[] {mean.reshape(batch, -1), spread.reshape(batch, -1)};
    }
}
