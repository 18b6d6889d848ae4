package org.genrelens.training.cnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * {@code (x − mean) / scale} per feature, with fixed (never trained) mean and scale: the feature standardisation
 * a logistic regression was fitted with, kept inside the network so the head sees what the regression saw and the
 * optimiser works on well-scaled inputs. Starts as the identity (mean 0, scale 1).
 */
final class Standardiser extends AbstractBlock {

    private final Parameter mean;
    private final Parameter scale;

    Standardiser() {
        super((byte) 1);
        mean = addParameter(Parameter.builder().setName("mean").setType(Parameter.Type.RUNNING_MEAN)
                .optRequiresGrad(false).build());
        scale = addParameter(Parameter.builder().setName("scale").setType(Parameter.Type.RUNNING_VAR)
                .optRequiresGrad(false).build());
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        long features = inputShapes[0].get(1);
        mean.setShape(new Shape(features));
        scale.setShape(new Shape(features));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray m = store.getValue(mean, x.getDevice(), training);
        NDArray s = store.getValue(scale, x.getDevice(), training);
        return new NDList(x.sub(m).div(s));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
