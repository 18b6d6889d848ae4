package org.genrelens.tags;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.DosFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jaudiotagger.audio.AudioFile;

/**
 * Replaces a file's genres all or nothing: the file is copied to a hidden sibling (same directory, so the rename
 * stays on one filesystem), the copy is tagged, checked, flushed to disk and renamed over the original. A crash at
 * any point leaves either the old file or the new one, plus at worst a stray hidden temp file.
 */
final class AtomicTagWrite {

    private AtomicTagWrite() {
    }

    /**
     * @param expectedBefore the genres the file must hold now (null: do not check); a mismatch means someone else
     *                       edited the tag, and the write is refused
     * @return the file's stamp after the write
     */
    static FileStamp replaceGenres(Path file, List<String> expectedBefore, List<String> after)
            throws TagFileException {
        refuseReadOnly(file);
        String name = file.getFileName().toString();
        // the extension stays last: JAudioTagger picks its reader by it
        Path temp = file.resolveSibling(
                "." + name + ".genrelens-" + UUID.randomUUID() + "." + AudioTags.extension(file));
        try {
            Files.copy(file, temp, StandardCopyOption.COPY_ATTRIBUTES);
            AudioFile audio = AudioTags.open(temp);
            List<String> current = AudioTags.genres(audio);
            if (expectedBefore != null && !current.equals(expectedBefore)) {
                throw new TagFileException(file, TagFileException.Reason.CHANGED, "its genre is now "
                        + TagPlan.show(current) + ", not " + TagPlan.show(expectedBefore)
                        + " as planned; plan again");
            }
            AudioTags.writeGenres(audio, file, after);
            List<String> written = AudioTags.genres(AudioTags.open(temp));
            if (!written.equals(after)) {
                throw new TagFileException(file, TagFileException.Reason.WRITE_FAILED, "this format kept "
                        + TagPlan.show(written) + " instead of " + TagPlan.show(after) + "; nothing was changed");
            }
            // mtime policy (decision 0008): the file's content changed, so its mtime says so
            Files.setLastModifiedTime(temp, FileTime.from(Instant.now()));
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            move(temp, file);
            syncDirectory(file.toAbsolutePath().getParent());
            return FileStamp.of(file);
        } catch (IOException e) {
            throw new TagFileException(file, TagFileException.Reason.WRITE_FAILED, "cannot write beside it ("
                    + e.getMessage() + "); check free space and the folder's permissions", e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a stray hidden temp file is harmless; the original is intact either way
            }
        }
    }

    /**
     * A file without its owner-write bit is refused even when this process could write it (root can): the user
     * protected it on purpose, and renaming over it would silently bypass that.
     */
    static void refuseReadOnly(Path file) throws TagFileException {
        boolean readOnly;
        try {
            PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            DosFileAttributeView dos = Files.getFileAttributeView(file, DosFileAttributeView.class);
            if (posix != null) {
                readOnly = !posix.readAttributes().permissions().contains(PosixFilePermission.OWNER_WRITE);
            } else if (dos != null) {
                readOnly = dos.readAttributes().isReadOnly();
            } else {
                readOnly = false;
            }
        } catch (IOException e) {
            throw new TagFileException(file, TagFileException.Reason.UNREADABLE, "cannot read its attributes ("
                    + e.getMessage() + ")", e);
        }
        if (readOnly || !Files.isWritable(file)) {
            throw new TagFileException(file, TagFileException.Reason.READ_ONLY,
                    "the file is read-only; make it writable to let GenreLens tag it");
        }
    }

    private static void move(Path temp, Path file) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the filesystem cannot rename atomically", e);
        }
    }

    /** Makes the rename itself durable; not every platform can open a directory, which is fine there. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Windows cannot open directories; its rename is durable once the file is flushed
        }
    }
}
