package org.genrelens.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.genrelens.inference.ModelCard;
import org.genrelens.library.GeneratedLibrary;
import org.genrelens.library.LibraryDatabase;

/**
 * Writes a library database of generated tracks analysed by a model, with embeddings of that model's width, for
 * timing {@code genrelens train --library --head} on a large library without decoding 10,000 songs (README, "Your
 * genres"). Usage: {@code GeneratedEmbeddingLibrary DB [TRACKS=10000] [GENRES=20] [MODEL=models/genre-cnn.onnx]}.
 */
public final class GeneratedEmbeddingLibrary {

    private GeneratedEmbeddingLibrary() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        int tracks = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int genreCount = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Path model = Path.of(args.length > 3 ? args[3] : "models/genre-cnn.onnx");
        if (Files.exists(target)) {
            throw new IllegalArgumentException(target + " exists; give a new file");
        }
        ModelCard card = ModelCard.read(ModelCard.cardPathFor(model));
        int width = embeddingWidth(model);
        List<String> genres = new ArrayList<>();
        for (int g = 0; g < genreCount; g++) {
            genres.add("genre" + g);
        }
        long started = System.nanoTime();
        try (LibraryDatabase db = LibraryDatabase.open(target)) {
            GeneratedLibrary.write(db, tracks, genres, 25, width, card.sha256(), card.featureSpec().hash(), 42L);
        }
        System.out.printf("wrote %s: %d tracks in %d genres (25 artists each), embeddings of %d values by %s, %.1f s%n",
                target, tracks, genreCount, width, card.name(), (System.nanoTime() - started) / 1e9);
    }

    private static int embeddingWidth(Path model) throws Exception {
        try (var classifier = org.genrelens.inference.GenreClassifier.open(model,
                org.genrelens.inference.ClassifierOptions.defaults())) {
            var spec = classifier.featureSpec();
            int size = spec.channels() * spec.height() * spec.framesPerWindow();
            var tiles = new org.genrelens.features.Tiles(new float[size], 1, spec.channels(), spec.height(),
                    spec.framesPerWindow(), new double[] {0}, false);
            return classifier.classify(tiles).embedding().length;
        }
    }
}
