package org.genrelens.training;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;

/** Window probabilities of a trained model on clips it never saw: the held-out fold of cross-validation. */
final class HeldOutPredictor {

    private final TileSampler sampler;
    private final int batchSize;

    HeldOutPredictor(TileSampler sampler, int batchSize) {
        this.sampler = sampler;
        this.batchSize = batchSize;
    }

    List<ClipPrediction> predict(TrainedModel model, CachedDataset heldOut) {
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
