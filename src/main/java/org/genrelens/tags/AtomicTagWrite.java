package org.genrelens.tags;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jaudiotagger.audio.AudioFile;

/**
 * Replaces a file's genres all or nothing, and nothing else. The write goes to a hidden copy that is tagged and
 * checked field by field against the original ({@link TagSnapshot}: any change beside the genre and the write is
 * refused). Then either
 * <ul>
 * <li>the copy is renamed over the file (same directory, one filesystem): a crash leaves the old file or the new one,
 * plus at worst the hidden copy, which the journal names so the next run removes it; or</li>
 * <li>for a file with more than one hard link, where a rename would split the links, or one owned by another user
 * when this process cannot give ownership back (not root), the copy's bytes are written into the file itself after a full backup into the journal's work folder, which the journal also names: a crash
 * mid-write is repaired from it by the next run ({@link TagWriteRecovery}).</li>
 * </ul>
 * A symbolic link is followed: its target is written and the link stays a link. Owner, group, permission bits and
 * extended attributes are carried over; the modification time moves forward unless the caller keeps it.
 */
final class AtomicTagWrite {

    /** A write about to happen: the real file, where its copies will be, and its tags now. */
    record Prepared(Path file, Path target, Path temp, Path backup, TagSnapshot before, List<String> genres) {
        WriteRecord record() {
            return new WriteRecord(target, temp, backup, before.tags(), before.digestBesideGenre());
        }
    }

    private AtomicTagWrite() {
    }

    /** Resolves links, refuses read-only files and reads the tags; touches nothing. */
    static Prepared prepare(Path file, Path workFolder) throws TagFileException {
        Path target = realFile(file);
        FilePermissions.refuseReadOnly(target, file);
        String name = target.getFileName().toString();
        String extension = AudioTags.extension(target);
        String unique = UUID.randomUUID().toString();
        // a rename would split hard links, or hand someone else's file to this user when we may not chown it back
        boolean inPlace = FilePermissions.linkCount(target, file) > 1 || !FilePermissions.canGiveOwnerBack(target);
        // the extension stays last: JAudioTagger picks its reader by it
        Path temp = inPlace ? workFolder.resolve("tagging-" + unique + "." + extension)
                : target.resolveSibling("." + name + ".genrelens-" + unique + "." + extension);
        Path backup = inPlace ? workFolder.resolve("backup-" + unique + "." + extension) : null;
        AudioFile audio = AudioTags.open(target);
        return new Prepared(file, target, temp, backup, TagSnapshots.of(audio, target), AudioTags.genres(audio));
    }

    /** For tests and one-off edits: prepare and execute with no journal, the copies kept in the system temp folder. */
    static FileStamp replaceGenres(Path file, List<String> expectedBefore, List<String> after)
            throws TagFileException {
        Path work = Path.of(System.getProperty("java.io.tmpdir"));
        return execute(prepare(file, work), expectedBefore, after, null, false);
    }

    /**
     * @param expectedBefore the genres the file must hold now (null: do not check); a mismatch means someone else
     *                       edited the tag, and the write is refused
     * @param restoring      for undo: the record of the write being undone, whose tags the file must hold again
     *                       (tags the write created are removed); null for a new write
     * @return the file's stamp after the write
     */
    static FileStamp execute(Prepared p, List<String> expectedBefore, List<String> after, WriteRecord restoring,
            boolean keepModificationTime) throws TagFileException {
        Path file = p.file();
        boolean overwriting = false;
        boolean intact = true;
        try {
            FileTime modified = Files.getLastModifiedTime(p.target());
            if (p.backup() != null) {
                Files.createDirectories(p.backup().getParent());
                copyDurably(p.target(), p.backup());
                WriteSteps.reached("backup copied");
            }
            Files.copy(p.target(), p.temp(), StandardCopyOption.COPY_ATTRIBUTES);
            WriteSteps.reached("temporary copy made");
            AudioFile audio = AudioTags.open(p.temp());
            List<String> current = AudioTags.genres(audio);
            if (expectedBefore != null && !current.equals(expectedBefore)) {
                throw new TagFileException(file, TagFileException.Reason.CHANGED, "its genre is now "
                        + TagPlan.show(current) + ", not " + TagPlan.show(expectedBefore) + " as planned; plan again");
            }
            AudioTags.writeGenres(audio, p.temp(), file, after, restoring == null ? null : restoring.tagsBefore());
            AudioFile written = AudioTags.open(p.temp());
            List<String> writtenGenres = AudioTags.genres(written);
            if (!writtenGenres.equals(after)) {
                throw new TagFileException(file, TagFileException.Reason.WRITE_FAILED, "this format kept "
                        + TagPlan.show(writtenGenres) + " instead of " + TagPlan.show(after) + "; nothing was changed");
            }
            refuseOtherChanges(p, TagSnapshots.of(written, p.temp()), restoring);
            if (p.backup() == null) {
                FilePermissions.copyOwnerPermissionsAndAttributes(p.target(), p.temp());
            }
            Files.setLastModifiedTime(p.temp(), keepModificationTime ? modified : FileTime.from(Instant.now()));
            force(p.temp());
            WriteSteps.reached("temporary copy tagged");
            if (p.backup() == null) {
                move(p.temp(), p.target());
                WriteSteps.reached("renamed over the file");
                syncDirectory(p.target().toAbsolutePath().getParent());
            } else {
                overwriting = true;
                intact = false;
                overwriteInPlace(p.temp(), p.target());
                WriteSteps.reached("overwritten in place");
                intact = true;
                Files.setLastModifiedTime(p.target(), keepModificationTime ? modified : FileTime.from(Instant.now()));
            }
            return FileStamp.of(p.target());
        } catch (IOException e) {
            if (overwriting && !intact) {
                intact = restoreFromBackup(p);
            }
            throw new TagFileException(file, TagFileException.Reason.WRITE_FAILED, "cannot write "
                    + (p.backup() == null ? "beside it" : "it in place") + " ("
                    + TagFileException.describe(e, p.target()) + "); "
                    + (intact ? "it is untouched; " : "its backup is kept at " + p.backup() + "; ")
                    + "check free space and the folder's permissions", e);
        } finally {
            deleteQuietly(p.temp());
            if (intact && p.backup() != null) {
                deleteQuietly(p.backup());
            }
        }
    }

    /** Refuses a write that changed any tag field beside the genre, or (undo) did not give back the old tags. */
    private static void refuseOtherChanges(Prepared p, TagSnapshot written, WriteRecord restoring)
            throws TagFileException {
        List<String> differences;
        if (restoring == null) {
            differences = p.before().differencesBesideGenre(written, createdTags(p.before(), written));
        } else {
            Set<String> removed = new HashSet<>(p.before().tags());
            removed.removeAll(restoring.tagsBefore());
            differences = new ArrayList<>();
            for (String difference : p.before().differencesBesideGenre(written)) {
                if (removed.stream().noneMatch(tag -> difference.startsWith(tag + " "))) {
                    differences.add(difference);
                }
            }
            if (differences.isEmpty() && (!written.tags().equals(restoring.tagsBefore())
                    || !written.digestBesideGenre().equals(restoring.digestBefore()))) {
                differences.add("its tags would not be exactly those it had before GenreLens wrote it");
            }
        }
        if (!differences.isEmpty()) {
            throw new TagFileException(p.file(), TagFileException.Reason.WRITE_FAILED, "writing the genre would "
                    + "also change other tags (" + TagSnapshot.show(differences) + "); nothing was changed");
        }
    }

    /** Tags a write may add: one of a family the file had none of, like ID3v2 beside a lone ID3v1 tag. */
    private static Set<String> createdTags(TagSnapshot before, TagSnapshot written) {
        Set<String> created = new HashSet<>();
        for (String tag : written.tags()) {
            String family = tag.replaceAll("\\.\\d+$", "");
            if (before.tags().stream().noneMatch(t -> t.replaceAll("\\.\\d+$", "").equals(family))) {
                created.add(tag);
            }
        }
        return created;
    }

    private static Path realFile(Path file) throws TagFileException {
        try {
            Path real = file.toRealPath();
            if (!Files.isRegularFile(real)) {
                throw new TagFileException(file, TagFileException.Reason.UNREADABLE,
                        "it is not a regular file; rescan the library");
            }
            return real;
        } catch (NoSuchFileException e) {
            throw new TagFileException(file, TagFileException.Reason.UNREADABLE, Files.isSymbolicLink(file)
                    ? "it is a link to " + e.getFile() + ", which does not exist; rescan the library"
                    : "no such file; rescan the library", e);
        } catch (IOException e) {
            throw new TagFileException(file, TagFileException.Reason.UNREADABLE, "cannot resolve it ("
                    + TagFileException.describe(e, file) + ")", e);
        }
    }

    static void copyDurably(Path from, Path to) throws IOException {
        Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
        force(to);
        syncDirectory(to.getParent());
    }

    /** Writes {@code source}'s bytes into {@code target}'s own inode (its other links see them), then flushes. */
    static void overwriteInPlace(Path source, Path target) throws IOException {
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
                FileChannel out = FileChannel.open(target, StandardOpenOption.WRITE)) {
            long size = in.size();
            long done = 0;
            while (done < size) {
                done += out.transferFrom(in, done, size - done);
            }
            out.truncate(size);
            out.force(true);
        }
    }

    /** Puts the backup's bytes back into the file; true when that worked (the backup may then go). */
    static boolean restoreFromBackup(Prepared p) {
        try {
            overwriteInPlace(p.backup(), p.target());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the journal names it: the next run tries again
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
    static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Windows cannot open directories; its rename is durable once the file is flushed
        }
    }
}
