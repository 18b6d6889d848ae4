package org.genrelens.training.cnn;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.genrelens.training.data.CachedClip;
import org.genrelens.training.data.CachedDataset;
import org.genrelens.training.evaluation.ClipPrediction;
import org.genrelens.training.sampling.TileSampler;

/** Window probabilities of a trained model on clips it never saw: the held-out fold of cross-validation. */
public final class HeldOutPredictor {

    private final TileSampler sampler;
    private final int batchSize;

    public HeldOutPredictor(TileSampler sampler, int batchSize) {
        this.sampler = sampler;
        this.batchSize = batchSize;
    }

    public List<ClipPrediction> predict(TrainedModel model, CachedDataset heldOut) {
        List<ClipPrediction> predictions = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            ParameterStore parameters = new ParameterStore(manager, false);
            for (CachedClip clip : heldOut.clips()) {
                float[][] windows = EvalForward.windowProbabilities(manager,
                        input -> model.block().forward(parameters, input, false), sampler.evaluationTiles(clip),
                        heldOut.labels().size(), batchSize);
                predictions.add(new ClipPrediction(clip.clip(), windows));
            }
        }
        return predictions;
    }
}
