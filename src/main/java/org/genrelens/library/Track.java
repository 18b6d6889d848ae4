package org.genrelens.library;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file the library knows.
 *
 * @param fingerprint     hash of the audio payload ({@link AudioFingerprint}); null for unreadable files
 * @param format          container format by content ("wav", "mp3", ...); null for unreadable files
 * @param durationSeconds null until the analyser has decoded the file
 * @param reason          why an unreadable file is unreadable, else null
 */
public record Track(long id, Path path, long size, long modifiedMillis, String fingerprint, String format,
        Double durationSeconds, ExistingTags tags, TrackStatus status, String reason) {

    public Track {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(status, "status");
        tags = tags == null ? ExistingTags.NONE : tags;
        if (status == TrackStatus.UNREADABLE && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("an unreadable track needs a reason: " + path);
        }
    }
}
