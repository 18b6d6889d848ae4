package org.genrelens.library;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Random;
import org.genrelens.model.TrackPrediction;

/**
 * A library database of generated tracks, for measurements that need many tracks but no audio: each track has a
 * genre tag, an artist and album, and one analysis by a given model with an embedding drawn around its genre's and
 * its artist's centre. The files do not exist; nothing that reads them may run on this library.
 */
public final class GeneratedLibrary {

    private GeneratedLibrary() {
    }

    /**
     * @param genres  genre names, tagged in turn
     * @param artists artists per genre, each keeping to one genre
     * @param width   the embedding's width (the model's)
     */
    public static void write(LibraryDatabase db, int tracks, List<String> genres, int artists, int width,
            String modelSha256, String featureSpecHash, long seed) {
        Random random = new Random(seed);
        float[][] genreCentres = centres(random, genres.size(), width, 1.0);
        float[][] artistOffsets = centres(random, genres.size() * artists, width, 0.6);
        long scanId = db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO scan_runs (roots, state, started_at, "
                    + "finished_at) VALUES ('[\"/generated\"]', 'COMPLETED', 0, 0)",
                    PreparedStatement.RETURN_GENERATED_KEYS)) {
                s.executeUpdate();
                try (var keys = s.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        long[] ids = new long[tracks];
        db.transaction(c -> {
            long root = TrackRepository.rootId(c, Path.of("/generated"));
            for (int i = 0; i < tracks; i++) {
                int genre = i % genres.size();
                int artist = genre * artists + (i / genres.size()) % artists;
                Track track = new Track(0, Path.of("/generated/artist" + artist + "/track" + i + ".flac"), 5_000_000,
                        0, "fp" + i, "flac", 240.0, new ExistingTags("Track " + i, "Artist " + artist,
                        "Album " + artist, List.of(genres.get(genre))), TrackStatus.PRESENT, null);
                ids[i] = TrackRepository.save(c, null, track, root, scanId);
            }
            return null;
        });
        List<String> labels = List.copyOf(genres);
        for (int i = 0; i < tracks; i++) {
            int genre = i % genres.size();
            int artist = genre * artists + (i / genres.size()) % artists;
            float[] embedding = new float[width];
            for (int j = 0; j < width; j++) {
                embedding[j] = genreCentres[genre][j] + artistOffsets[artist][j] + (float) random.nextGaussian();
            }
            float[] probabilities = new float[labels.size()];
            probabilities[genre] = 1f;
            db.analyses().save(ids[i], modelSha256, featureSpecHash, new TrackPrediction(labels, probabilities,
                    new float[][] {probabilities}, false, false, embedding));
        }
    }

    private static float[][] centres(Random random, int count, int width, double spread) {
        float[][] out = new float[count][width];
        for (float[] row : out) {
            for (int j = 0; j < width; j++) {
                row[j] = (float) (spread * random.nextGaussian());
            }
        }
        return out;
    }
}
