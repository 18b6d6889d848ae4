package org.genrelens.tags;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.DosFileAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.List;

/**
 * What the file system says about a file before GenreLens writes it: whether it may be written at all, how many
 * names it has, and the owner, permissions and extended attributes that a replacement copy must carry over.
 */
final class FilePermissions {

    private FilePermissions() {
    }

    /**
     * Refuses a file on a read-only file system, and a file without its owner-write bit even when this process could
     * write it (root can): the user protected it on purpose, and renaming over it would silently bypass that.
     */
    static void refuseReadOnly(Path file, Path shownAs) throws TagFileException {
        boolean readOnly;
        try {
            FileStore store = Files.getFileStore(file);
            if (store.isReadOnly()) {
                throw new TagFileException(shownAs, TagFileException.Reason.READ_ONLY, "it is on a read-only file "
                        + "system (" + store + "); mount it read-write to let GenreLens tag it");
            }
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
            throw new TagFileException(shownAs, TagFileException.Reason.UNREADABLE, "cannot read its attributes ("
                    + TagFileException.describe(e, file) + ")", e);
        }
        if (readOnly || !Files.isWritable(file)) {
            throw new TagFileException(shownAs, TagFileException.Reason.READ_ONLY,
                    "the file is read-only; make it writable to let GenreLens tag it");
        }
    }

    /**
     * Whether a copy of this file, made by this process, can be given the file's owner: always as root, otherwise
     * only when this user already owns it (only root may chown).
     */
    static boolean canGiveOwnerBack(Path file) throws TagFileException {
        String user = System.getProperty("user.name");
        if ("root".equals(user) || Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) {
            return true;
        }
        try {
            return Files.getOwner(file).getName().equals(user);
        } catch (IOException e) {
            throw new TagFileException(file, TagFileException.Reason.UNREADABLE, "cannot read its owner ("
                    + TagFileException.describe(e, file) + ")", e);
        }
    }

    /** How many directory entries name this file (1 where the file system cannot say). */
    static int linkCount(Path file, Path shownAs) throws TagFileException {
        try {
            Object count = Files.getAttribute(file, "unix:nlink");
            return count instanceof Integer n ? n : 1;
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return 1; // no unix view (Windows): GenreLens does not see hard links there
        } catch (IOException e) {
            throw new TagFileException(shownAs, TagFileException.Reason.UNREADABLE, "cannot read its attributes ("
                    + TagFileException.describe(e, file) + ")", e);
        }
    }

    /**
     * Gives {@code copy} the owner, group, permission bits and user extended attributes of {@code original}, so
     * that renaming the copy over it changes none of them. Changing the owner needs the rights to; without them
     * the copy keeps this user's ownership only if the original already had it, otherwise this fails.
     */
    static void copyOwnerPermissionsAndAttributes(Path original, Path copy) throws IOException {
        PosixFileAttributeView from = Files.getFileAttributeView(original, PosixFileAttributeView.class);
        PosixFileAttributeView to = Files.getFileAttributeView(copy, PosixFileAttributeView.class);
        if (from != null && to != null) {
            PosixFileAttributes attributes = from.readAttributes();
            PosixFileAttributes now = to.readAttributes();
            if (!now.owner().equals(attributes.owner())) {
                to.setOwner(attributes.owner());
            }
            if (!now.group().equals(attributes.group())) {
                to.setGroup(attributes.group());
            }
            to.setPermissions(attributes.permissions());
        }
        UserDefinedFileAttributeView fromUser = Files.getFileAttributeView(original,
                UserDefinedFileAttributeView.class);
        UserDefinedFileAttributeView toUser = Files.getFileAttributeView(copy, UserDefinedFileAttributeView.class);
        if (fromUser == null || toUser == null) {
            return;
        }
        List<String> names;
        try {
            names = fromUser.list();
        } catch (UnsupportedOperationException | IOException e) {
            return; // a file system without user attributes: there are none to carry over
        }
        try {
            for (String name : toUser.list()) {
                if (!names.contains(name)) {
                    toUser.delete(name);
                }
            }
            for (String name : names) {
                ByteBuffer value = ByteBuffer.allocate(fromUser.size(name));
                fromUser.read(name, value);
                value.flip();
                toUser.write(name, value);
            }
        } catch (UnsupportedOperationException | IOException e) {
            throw new IOException("cannot carry its extended attributes over (" + e.getMessage() + ")", e);
        }
    }
}
