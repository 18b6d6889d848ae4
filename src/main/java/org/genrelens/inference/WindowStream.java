package org.genrelens.inference;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.genrelens.audio.PcmSink;
import org.genrelens.features.StreamingTileExtractor;
import org.genrelens.features.TileExtractor;
import org.genrelens.model.TrackPrediction;

/**
 * Full analysis as the track is decoded: samples become tiles ({@link StreamingTileExtractor}), each batch of tiles
 * is classified as soon as it is complete, and only the windows' probability rows are kept (a 3-hour track has
 * about 4,300 rows of a few floats). Batches are the classifier's own size, so the rows are those
 * {@link GenreClassifier#classify} gives for the whole track's tiles.
 */
final class WindowStream implements PcmSink {

    private final GenreClassifier classifier;
    private final StreamingTileExtractor tiles;
    private final List<float[]> rows = new ArrayList<>();
    private final EmbeddingMean embeddings = new EmbeddingMean();

    WindowStream(TileExtractor extractor, GenreClassifier classifier) {
        this.classifier = classifier;
        this.tiles = new StreamingTileExtractor(extractor, classifier.batchSize(),
                batch -> Collections.addAll(rows, classifier.windowProbabilities(batch, embeddings)));
    }

    @Override
    public void accept(float[] samples, int offset, int count) {
        tiles.accept(samples, offset, count);
    }

    /** Classifies the last windows and averages all of them. */
    TrackPrediction finish() {
        tiles.finish();
        return classifier.predict(rows.toArray(new float[0][]), tiles.padded(), embeddings.mean());
    }
}
