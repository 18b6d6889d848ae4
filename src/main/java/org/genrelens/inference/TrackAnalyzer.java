package org.genrelens.inference;

import java.nio.file.Path;
import java.util.Objects;
import org.genrelens.audio.AudioDecodeException;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.audio.DecodedAudio;
import org.genrelens.features.FeatureSpec;
import org.genrelens.features.TileExtractor;
import org.genrelens.features.Tiles;
import org.genrelens.model.TrackPrediction;

/**
 * The analysis chain for one file: decode → tiles → classify. Thread-safe: the decoder, the extractor and the
 * ONNX session may all be shared by worker threads.
 */
public final class TrackAnalyzer {

    private final AudioDecoder decoder;
    private final GenreClassifier classifier;
    private final TileExtractor extractor;

    /** Analyses with the classifier's own FeatureSpec. */
    public TrackAnalyzer(AudioDecoder decoder, GenreClassifier classifier) {
        this(decoder, classifier, classifier.featureSpec());
    }

    /**
     * Analyses with a spec that may differ from the model's only in where windows start (the window hop):
     * the tile geometry must be the one the model was trained on.
     */
    public TrackAnalyzer(AudioDecoder decoder, GenreClassifier classifier, FeatureSpec spec) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        if (!spec.withWindowHopSeconds(classifier.featureSpec().windowHopSeconds())
                .equals(classifier.featureSpec())) {
            throw new IllegalArgumentException("the feature spec may only change the window hop of the model's spec: "
                    + spec.canonicalText() + " vs " + classifier.featureSpec().canonicalText());
        }
        this.extractor = new TileExtractor(spec);
    }

    public TrackPrediction analyze(Path file) throws AudioDecodeException {
        return analyzeWithDuration(file).prediction();
    }

    /** The prediction and the decoded track's length, for callers that store both. */
    public Analysed analyzeWithDuration(Path file) throws AudioDecodeException {
        DecodedAudio audio = decoder.decode(file, extractor.spec().sampleRate());
        if (audio.samples().length == 0) {
            throw new AudioDecodeException(file, AudioDecodeException.Reason.CORRUPT,
                    "the decoder returned no audio samples");
        }
        Tiles tiles = extractor.extract(audio.samples());
        return new Analysed(classifier.classify(tiles), audio.durationSeconds());
    }

    /** A prediction with the length of the audio it came from. */
    public record Analysed(TrackPrediction prediction, double durationSeconds) {
    }

    public FeatureSpec spec() {
        return extractor.spec();
    }
}
