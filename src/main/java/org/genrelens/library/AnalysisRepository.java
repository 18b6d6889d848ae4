package org.genrelens.library;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.genrelens.model.AnalysisMode;
import org.genrelens.model.TrackPrediction;

/**
 * Analyses of tracks. Each is tied to the audio fingerprint it was computed from, so it follows a moved or
 * retagged file and stops applying when the audio changes; and to the model's sha256 and the FeatureSpec hash,
 * so a new model or spec makes every track pending again.
 */
public final class AnalysisRepository {

    private static final String COLUMNS = "a.id, a.track_id, a.fingerprint, a.model_sha256, a.feature_spec_hash, "
            + "a.status, a.labels, a.probabilities, a.top_genre, a.confidence, a.uncertain, a.padded, a.error, "
            + "a.analysed_at, a.mode, a.failure_reason";

    private final LibraryDatabase db;

    AnalysisRepository(LibraryDatabase db) {
        this.db = db;
    }

    /** Stores a full-mode prediction for the track's current audio; returns its id. */
    public long save(long trackId, String modelSha256, String featureSpecHash, TrackPrediction prediction) {
        return save(trackId, modelSha256, featureSpecHash, AnalysisMode.FULL, prediction);
    }

    /** Stores a prediction for the track's current audio, with its window probabilities; returns its id. */
    public long save(long trackId, String modelSha256, String featureSpecHash, AnalysisMode mode,
            TrackPrediction prediction) {
        return db.transaction(c -> {
            String fingerprint = currentFingerprint(c, trackId);
            long id;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO analyses (track_id, fingerprint, "
                    + "model_sha256, feature_spec_hash, status, labels, probabilities, top_genre, confidence, "
                    + "uncertain, padded, analysed_at, mode) VALUES (?, ?, ?, ?, 'OK', ?, ?, ?, ?, ?, ?, ?, ?)",
                    PreparedStatement.RETURN_GENERATED_KEYS)) {
                s.setLong(1, trackId);
                s.setString(2, fingerprint);
                s.setString(3, modelSha256);
                s.setString(4, featureSpecHash);
                s.setString(5, StringLists.toJson(prediction.labels()));
                s.setBytes(6, WindowProbabilities.encode(prediction.probabilities()));
                s.setString(7, prediction.topGenre());
                s.setDouble(8, prediction.confidence());
                s.setInt(9, prediction.uncertain() ? 1 : 0);
                s.setInt(10, prediction.padded() ? 1 : 0);
                s.setLong(11, System.currentTimeMillis());
                s.setString(12, mode.name());
                s.executeUpdate();
                id = generatedKey(s);
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO window_probabilities (analysis_id, windows, "
                    + "labels, data) VALUES (?, ?, ?, ?)")) {
                s.setLong(1, id);
                s.setInt(2, prediction.windowCount());
                s.setInt(3, prediction.labels().size());
                s.setBytes(4, WindowProbabilities.encode(prediction.windowProbabilities(), prediction.labels().size()));
                s.executeUpdate();
            }
            if (prediction.hasEmbedding()) {
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO embeddings (analysis_id, width, data) VALUES (?, ?, ?)")) {
                    s.setLong(1, id);
                    s.setInt(2, prediction.embedding().length);
                    s.setBytes(3, WindowProbabilities.encode(prediction.embedding()));
                    s.executeUpdate();
                }
            }
            return id;
        });
    }

    /** Records that a full analysis of the track failed. */
    public long saveFailure(long trackId, String modelSha256, String featureSpecHash, String error) {
        return saveFailure(trackId, modelSha256, featureSpecHash, AnalysisMode.FULL, error);
    }

    /** Records that analysing the track failed, without saying whose fault it was. */
    public long saveFailure(long trackId, String modelSha256, String featureSpecHash, AnalysisMode mode,
            String error) {
        return saveFailure(trackId, modelSha256, featureSpecHash, mode, Analysis.Failure.UNRECORDED, error);
    }

    /**
     * Records that analysing the track failed and why, so it is not retried with the same model unless asked, and
     * an error in GenreLens is told apart from a damaged file.
     */
    public long saveFailure(long trackId, String modelSha256, String featureSpecHash, AnalysisMode mode,
            Analysis.Failure failure, String error) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO analyses (track_id, fingerprint, "
                    + "model_sha256, feature_spec_hash, status, error, analysed_at, mode, failure_reason) "
                    + "VALUES (?, ?, ?, ?, 'FAILED', ?, ?, ?, ?)",
                    PreparedStatement.RETURN_GENERATED_KEYS)) {
                s.setLong(1, trackId);
                s.setString(2, currentFingerprint(c, trackId));
                s.setString(3, modelSha256);
                s.setString(4, featureSpecHash);
                s.setString(5, error);
                s.setLong(6, System.currentTimeMillis());
                s.setString(7, mode.name());
                s.setString(8, failure == Analysis.Failure.UNRECORDED ? null : failure.name());
                s.executeUpdate();
                return generatedKey(s);
            }
        });
    }

    /** {@link #needingAnalysis(String, String, AnalysisMode, boolean)} for full mode. */
    public List<Track> needingAnalysis(String modelSha256, String featureSpecHash, boolean retryFailed) {
        return needingAnalysis(modelSha256, featureSpecHash, AnalysisMode.FULL, retryFailed);
    }

    /**
     * Present tracks with no analysis of their current audio by this model and spec in this mode, by path. A full
     * analysis counts for quick mode too; a quick one does not count for full mode, so a full run redoes quick
     * ones. Tracks whose analysis (in a mode that counts) failed count as done unless {@code retryFailed}.
     */
    public List<Track> needingAnalysis(String modelSha256, String featureSpecHash, AnalysisMode mode,
            boolean retryFailed) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + TrackRepository.COLUMNS
                    + ", t.last_scan_id, t.root_id FROM tracks t WHERE t.status = 'PRESENT' AND NOT EXISTS ("
                    + "SELECT 1 FROM analyses a WHERE a.track_id = t.id AND a.fingerprint = t.fingerprint "
                    + "AND a.model_sha256 = ? AND a.feature_spec_hash = ? AND (a.status = 'OK' OR ? = 0) "
                    + "AND (a.mode = 'FULL' OR ? = 'QUICK')) ORDER BY t.path")) {
                s.setString(1, modelSha256);
                s.setString(2, featureSpecHash);
                s.setInt(3, retryFailed ? 1 : 0);
                s.setString(4, mode.name());
                List<Track> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(TrackRepository.row(rs).track());
                    }
                }
                return out;
            }
        });
    }

    /** The newest analysis of the track's current audio, by any model. */
    public Optional<Analysis> latest(long trackId) {
        return Optional.ofNullable(latest("AND a2.track_id = ?", trackId).get(trackId));
    }

    /** The newest analysis of each track's current audio, keyed by track id. */
    public Map<Long, Analysis> latestPerTrack() {
        return latest("", null);
    }

    /** The newest analysis of each track's current audio by one model, keyed by track id. */
    public Map<Long, Analysis> latestPerTrack(String modelSha256) {
        return latest("AND a2.model_sha256 = ?", modelSha256);
    }

    /** The stored per-window probabilities of an analysis, exactly as saved. */
    public Optional<float[][]> windowProbabilities(long analysisId) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT windows, labels, data FROM window_probabilities WHERE analysis_id = ?")) {
                s.setLong(1, analysisId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(WindowProbabilities.decode(rs.getBytes(3), rs.getInt(1),
                            rs.getInt(2))) : Optional.empty();
                }
            }
        });
    }

    /** A track's pooled embedding from one analysis. */
    public record StoredEmbedding(long trackId, long analysisId, float[] values) {
    }

    /**
     * The embedding of each present track's newest analysis of its current audio by this model and spec, keyed by
     * track id: what a head trains on without decoding. A track whose newest analysis has no embedding (it failed, or
     * was made before embeddings were stored) is absent; a new model has none until it analyses.
     */
    public Map<Long, StoredEmbedding> embeddings(String modelSha256, String featureSpecHash) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT a.track_id, a.id, e.data FROM analyses a "
                    + "JOIN embeddings e ON e.analysis_id = a.id WHERE a.id IN (SELECT max(a2.id) FROM analyses a2 "
                    + "JOIN tracks t ON t.id = a2.track_id AND t.fingerprint = a2.fingerprint "
                    + "WHERE t.status = 'PRESENT' AND a2.model_sha256 = ? AND a2.feature_spec_hash = ? "
                    + "AND a2.status = 'OK' GROUP BY a2.track_id) ORDER BY a.track_id")) {
                s.setString(1, modelSha256);
                s.setString(2, featureSpecHash);
                Map<Long, StoredEmbedding> out = new LinkedHashMap<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getLong(1), new StoredEmbedding(rs.getLong(1), rs.getLong(2),
                                WindowProbabilities.decode(rs.getBytes(3))));
                    }
                }
                return out;
            }
        });
    }

    private Map<Long, Analysis> latest(String filter, Object parameter) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM analyses a WHERE a.id IN ("
                    + "SELECT max(a2.id) FROM analyses a2 JOIN tracks t ON t.id = a2.track_id "
                    + "AND t.fingerprint = a2.fingerprint WHERE 1 = 1 " + filter + " GROUP BY a2.track_id)")) {
                if (parameter != null) {
                    s.setObject(1, parameter);
                }
                Map<Long, Analysis> out = new LinkedHashMap<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Analysis a = analysis(rs);
                        out.put(a.trackId(), a);
                    }
                }
                return out;
            }
        });
    }

    private static Analysis analysis(ResultSet rs) throws SQLException {
        byte[] probabilities = rs.getBytes(8);
        return new Analysis(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                AnalysisMode.valueOf(rs.getString(15)), Analysis.Status.valueOf(rs.getString(6)),
                StringLists.fromJson(rs.getString(7)),
                probabilities == null ? null : WindowProbabilities.decode(probabilities), rs.getString(9),
                rs.getFloat(10), rs.getInt(11) == 1, rs.getInt(12) == 1, rs.getString(13),
                Instant.ofEpochMilli(rs.getLong(14)),
                rs.getString(16) == null ? null : Analysis.Failure.valueOf(rs.getString(16)));
    }

    private static String currentFingerprint(Connection c, long trackId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT fingerprint FROM tracks WHERE id = ?")) {
            s.setLong(1, trackId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || rs.getString(1) == null) {
                    throw new IllegalArgumentException("track " + trackId
                            + " is unknown or unreadable; scan the library before analysing it");
                }
                return rs.getString(1);
            }
        }
    }

    private static long generatedKey(PreparedStatement s) throws SQLException {
        try (ResultSet keys = s.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }
}
