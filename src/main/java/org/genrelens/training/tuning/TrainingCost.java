package org.genrelens.training.tuning;

import org.genrelens.features.FeatureSpec;
import org.genrelens.training.TrainingConfig;
import org.genrelens.training.cnn.ModelSpec;

/**
 * Multiply-adds of the convolutional trunk for one tile: two k×k convolutions per block (and a 1×1 shortcut when a
 * residual block changes width), each block at half the previous block's height and width. The trunk is nearly all
 * of a step's arithmetic, so this ranks configurations by what an epoch costs on a laptop's cores.
 */
public final class TrainingCost {

    private TrainingCost() {
    }

    public static long multiplyAdds(TrainingConfig config) {
        return multiplyAdds(config.featureSpec(), config.network());
    }

    public static long multiplyAdds(FeatureSpec features, ModelSpec network) {
        long height = features.height();
        long width = features.framesPerWindow();
        long in = features.channels();
        long k2 = (long) network.kernelSize() * network.kernelSize();
        long total = 0;
        for (int out : network.blockChannels()) {
            long area = height * width;
            total += area * k2 * (in * out + (long) out * out);
            if (network.residual() && in != out) {
                total += area * in * out;
            }
            in = out;
            height = Math.max(1, height / 2);
            width = Math.max(1, width / 2);
        }
        return total;
    }
}
