package org.genrelens.library;

import java.util.List;

/** The schema of the library database, as an ordered list of migrations (decision record 0007). */
final class Migrations {

    private static final Migration CATALOGUE = new Migration(1, "library roots, tracks and scan runs", List.of(
            """
            CREATE TABLE roots (
                id INTEGER PRIMARY KEY,
                path TEXT NOT NULL UNIQUE,
                added_at INTEGER NOT NULL)""",
            """
            CREATE TABLE scan_runs (
                id INTEGER PRIMARY KEY,
                roots TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('RUNNING', 'COMPLETED', 'ABANDONED')),
                started_at INTEGER NOT NULL,
                finished_at INTEGER,
                files_total INTEGER,
                files_done INTEGER NOT NULL DEFAULT 0,
                new_count INTEGER NOT NULL DEFAULT 0,
                changed_count INTEGER NOT NULL DEFAULT 0,
                retagged_count INTEGER NOT NULL DEFAULT 0,
                moved_count INTEGER NOT NULL DEFAULT 0,
                unchanged_count INTEGER NOT NULL DEFAULT 0,
                unreadable_count INTEGER NOT NULL DEFAULT 0,
                gone_count INTEGER NOT NULL DEFAULT 0)""",
            """
            CREATE TABLE tracks (
                id INTEGER PRIMARY KEY,
                root_id INTEGER REFERENCES roots(id) ON DELETE SET NULL,
                path TEXT NOT NULL UNIQUE,
                size INTEGER NOT NULL,
                mtime INTEGER NOT NULL,
                fingerprint TEXT,
                format TEXT,
                duration_seconds REAL,
                title TEXT,
                artist TEXT,
                album TEXT,
                genres TEXT,
                status TEXT NOT NULL CHECK (status IN ('PRESENT', 'GONE', 'UNREADABLE')),
                reason TEXT,
                last_scan_id INTEGER REFERENCES scan_runs(id),
                added_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                CHECK (status <> 'PRESENT' OR (fingerprint IS NOT NULL AND format IS NOT NULL)),
                CHECK (status <> 'UNREADABLE' OR reason IS NOT NULL))""",
            "CREATE INDEX tracks_by_fingerprint ON tracks(fingerprint)",
            "CREATE INDEX tracks_by_root_and_scan ON tracks(root_id, last_scan_id)"));

    private static final Migration ANALYSES = new Migration(2, "analyses and their window probabilities", List.of(
            """
            CREATE TABLE analyses (
                id INTEGER PRIMARY KEY,
                track_id INTEGER NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,
                fingerprint TEXT NOT NULL,
                model_sha256 TEXT NOT NULL,
                feature_spec_hash TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('OK', 'FAILED')),
                labels TEXT,
                probabilities BLOB,
                top_genre TEXT,
                confidence REAL,
                uncertain INTEGER,
                padded INTEGER,
                error TEXT,
                analysed_at INTEGER NOT NULL,
                CHECK (status <> 'OK' OR (labels IS NOT NULL AND probabilities IS NOT NULL
                                          AND top_genre IS NOT NULL AND confidence IS NOT NULL)),
                CHECK (status <> 'FAILED' OR error IS NOT NULL))""",
            "CREATE INDEX analyses_by_track ON analyses(track_id, model_sha256, feature_spec_hash)",
            """
            CREATE TABLE window_probabilities (
                analysis_id INTEGER PRIMARY KEY REFERENCES analyses(id) ON DELETE CASCADE,
                windows INTEGER NOT NULL,
                labels INTEGER NOT NULL,
                data BLOB NOT NULL,
                CHECK (length(data) = windows * labels * 4))"""));

    private static final Migration TAGS = new Migration(3, "tag-write journal and user-confirmed genres", List.of(
            """
            CREATE TABLE tag_batches (
                id INTEGER PRIMARY KEY,
                description TEXT NOT NULL,
                started_at INTEGER NOT NULL)""",
            """
            CREATE TABLE tag_journal (
                id INTEGER PRIMARY KEY,
                batch_id INTEGER NOT NULL REFERENCES tag_batches(id),
                track_id INTEGER REFERENCES tracks(id) ON DELETE SET NULL,
                path TEXT NOT NULL,
                field TEXT NOT NULL,
                old_value TEXT NOT NULL,
                new_value TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('PENDING', 'APPLIED', 'FAILED', 'UNDONE')),
                error TEXT,
                after_size INTEGER,
                after_mtime INTEGER,
                recorded_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL)""",
            "CREATE INDEX tag_journal_by_batch ON tag_journal(batch_id)",
            """
            CREATE TABLE confirmed_genres (
                track_id INTEGER NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,
                genre TEXT NOT NULL,
                fingerprint TEXT,
                confirmed_at INTEGER NOT NULL,
                PRIMARY KEY (track_id, genre))"""));

    private static final Migration ANALYSIS_MODE = new Migration(4, "which mode (full or quick) made an analysis",
            List.of("ALTER TABLE analyses ADD COLUMN mode TEXT NOT NULL DEFAULT 'FULL' "
                    + "CHECK (mode IN ('FULL', 'QUICK'))"));

    private static final Migration TAG_WRITE_RECORDS = new Migration(5, "where each tag write keeps its temporary "
            + "and backup copies, and the file's tags before it (decision 0012)",
            List.of("ALTER TABLE tag_journal ADD COLUMN write_record TEXT"));

    private static final Migration FAILURE_REASONS = new Migration(6, "why an analysis failed, so that an error in "
            + "GenreLens is not shown as a damaged file (decision 0018)",
            List.of("ALTER TABLE analyses ADD COLUMN failure_reason TEXT"));

    private static final Migration EMBEDDINGS = new Migration(7, "each analysis's pooled embedding, so a head on the "
            + "user's genres trains without decoding (decision 0022)", List.of(
            """
            CREATE TABLE embeddings (
                analysis_id INTEGER PRIMARY KEY REFERENCES analyses(id) ON DELETE CASCADE,
                width INTEGER NOT NULL CHECK (width > 0),
                data BLOB NOT NULL,
                CHECK (length(data) = width * 4))"""));

    private static final Migration REVIEW_SKIPS = new Migration(8, "tracks the user skipped in the review queue, "
            + "by audio fingerprint, so they are not asked about again (decision 0021)", List.of(
            """
            CREATE TABLE review_skips (
                fingerprint TEXT PRIMARY KEY,
                track_id INTEGER REFERENCES tracks(id) ON DELETE SET NULL,
                skipped_at INTEGER NOT NULL)"""));

    private Migrations() {
    }

    static List<Migration> all() {
        return List.of(CATALOGUE, ANALYSES, TAGS, ANALYSIS_MODE, TAG_WRITE_RECORDS, FAILURE_REASONS,
                EMBEDDINGS, REVIEW_SKIPS);
    }
}
