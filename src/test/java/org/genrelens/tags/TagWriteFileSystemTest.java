package org.genrelens.tags;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.genrelens.task.Cancellation;
import org.genrelens.task.ProgressListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes respect the file system: links, hard links, ownership, permissions, extended attributes, the modification
 * time, read-only mounts, all on real files.
 */
class TagWriteFileSystemTest {

    @TempDir
    static Path sources;

    @TempDir
    Path dir;

    private Path mountPoint;

    @BeforeAll
    static void encode() throws IOException {
        TestTracks.encodeAll(sources);
    }

    @AfterEach
    void unmount() throws Exception {
        if (mountPoint != null) {
            run("umount", mountPoint.toString());
        }
    }

    @Test
    void writingThroughASymbolicLinkTagsItsTargetAndLeavesTheLinkALink() throws Exception {
        Path real = TestTracks.copy(sources, "flac", Files.createDirectories(dir.resolve("music")).resolve("a.flac"));
        Path link = Files.createSymbolicLink(Files.createDirectories(dir.resolve("best-of")).resolve("a.flac"), real);
        FileTagJournal journal = journal();

        WriteReport written = write(journal, TagWriteOptions.defaults(), link);

        assertTrue(written.allSucceeded(), written.failures().toString());
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertEquals(real, Files.readSymbolicLink(link));
        assertEquals(List.of("jazz"), new TagReader().read(real).genres(), "the real file holds the genre");
        assertEquals(List.of("a.flac"), names(dir.resolve("music")), "no temporary copy left beside the target");
        assertEquals(List.of("a.flac"), names(dir.resolve("best-of")));

        new TagUndo(journal).undoBatch(written.batchId(), false, ProgressListener.NONE, Cancellation.none());

        assertTrue(Files.isSymbolicLink(link));
        assertEquals(List.of(), new TagReader().read(real).genres());
    }

    @Test
    void aLinkToAMissingFileIsRefusedNamingTheLinkAndItsTarget() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("gone.mp3"), dir.resolve("nowhere.mp3"));
        Path other = TestTracks.copy(sources, "mp3", dir.resolve("other.mp3"));
        TagPlan plan = plan(other);
        TagPlan withLink = new TagPlan(List.of(new org.genrelens.model.TagChange(link.toAbsolutePath(),
                org.genrelens.model.TagField.GENRE, List.of(), List.of("jazz")), plan.changes().get(0)), List.of(),
                java.util.Map.of(link.toAbsolutePath(), new FileStamp(1, 1), other.toAbsolutePath(),
                        plan.stamps().get(other.toAbsolutePath())));

        WriteReport report = new TagWriter().apply(withLink, journal(), withLink.stamps(), ProgressListener.NONE,
                Cancellation.none());

        assertEquals(1, report.failures().size());
        assertEquals(List.of("jazz"), new TagReader().read(other).genres(), "the batch went on");
    }

    @Test
    void aHardLinkedFileIsWrittenInPlaceSoEveryNameSeesTheGenreAndNoBackupIsLeft() throws Exception {
        Path first = TestTracks.copy(sources, "mp3", Files.createDirectories(dir.resolve("music")).resolve("a.mp3"));
        Path second = Files.createLink(Files.createDirectories(dir.resolve("second")).resolve("a.mp3"), first);
        Object inode = Files.getAttribute(first, "unix:ino");
        byte[] audio = AudioPayload.of(first);
        FileTagJournal journal = journal();

        WriteReport written = write(journal, TagWriteOptions.defaults(), second);

        assertTrue(written.allSucceeded(), written.failures().toString());
        assertEquals(inode, Files.getAttribute(first, "unix:ino"), "still one inode");
        assertEquals(inode, Files.getAttribute(second, "unix:ino"));
        assertEquals(2, Files.getAttribute(first, "unix:nlink"));
        assertEquals(List.of("jazz"), new TagReader().read(first).genres(), "the other name sees the write");
        assertArrayEquals(audio, AudioPayload.of(first));
        assertEquals(List.of(), names(journal.workFolder()), "the backup copy is removed once written");
        assertTrue(journal.entries(written.batchId()).get(0).record().inPlace(), "the journal named the backup");

        WriteReport undone = new TagUndo(journal).undoBatch(written.batchId(), false, ProgressListener.NONE,
                Cancellation.none());

        assertTrue(undone.allSucceeded(), undone.failures().toString());
        assertEquals(inode, Files.getAttribute(second, "unix:ino"));
        assertEquals(List.of(), new TagReader().read(second).genres());
        assertArrayEquals(audio, AudioPayload.of(second));
    }

    @Test
    void aFileOwnedBySomeoneElseIsWrittenInPlaceWhenThisUserCouldNotGiveItBack() throws Exception {
        Path file = TestTracks.copy(sources, "wav", dir.resolve("theirs.wav"));
        Object inode = Files.getAttribute(file, "unix:ino");
        String user = System.getProperty("user.name");
        // the file's owner (this process's user) becomes "someone else" for the writer: only root may chown
        System.setProperty("user.name", "genrelens-test-not-the-owner");
        WriteReport written;
        try {
            written = write(journal(), TagWriteOptions.defaults(), file);
        } finally {
            System.setProperty("user.name", user);
        }

        assertTrue(written.allSucceeded(), written.failures().toString());
        assertEquals(inode, Files.getAttribute(file, "unix:ino"), "written in place, so owner and inode stay");
        assertEquals(List.of("jazz"), new TagReader().read(file).genres());
        assertEquals(List.of(), names(dir.resolve("data/journal.jsonl.work")), "its backup copy is gone");
    }

    @Test
    void ownerGroupPermissionsAndExtendedAttributesSurviveTheWrite() throws Exception {
        Path file = TestTracks.copy(sources, "ogg", dir.resolve("owned.ogg"));
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            UserPrincipalLookupService users = file.getFileSystem().getUserPrincipalLookupService();
            posix.setOwner(users.lookupPrincipalByName("1234"));
            posix.setGroup(users.lookupPrincipalByGroupName("5678"));
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        UserDefinedFileAttributeView user = Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
        user.write("genrelens.test", StandardCharsets.UTF_8.encode("kept"));
        PosixFileAttributes before = posix.readAttributes();

        WriteReport written = write(journal(), TagWriteOptions.defaults(), file);

        assertTrue(written.allSucceeded(), written.failures().toString());
        PosixFileAttributes after = Files.getFileAttributeView(file, PosixFileAttributeView.class).readAttributes();
        UserPrincipal owner = after.owner();
        GroupPrincipal group = after.group();
        assertEquals(before.owner(), owner);
        assertEquals(before.group(), group);
        assertEquals(PosixFilePermissions.fromString("rw-r-----"), after.permissions());
        ByteBuffer value = ByteBuffer.allocate(16);
        Files.getFileAttributeView(file, UserDefinedFileAttributeView.class).read("genrelens.test", value);
        assertEquals("kept", new String(value.array(), 0, value.position(), StandardCharsets.UTF_8));
        assertEquals(List.of("jazz"), new TagReader().read(file).genres());
    }

    @Test
    void theModificationTimeMovesForwardUnlessTheUserKeepsIt() throws Exception {
        Path moved = TestTracks.copy(sources, "m4a", dir.resolve("moved.m4a"));
        Path kept = TestTracks.copy(sources, "m4a", dir.resolve("kept.m4a"));
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(moved, old);
        Files.setLastModifiedTime(kept, old);
        FileTagJournal journal = journal();

        write(journal, TagWriteOptions.defaults(), moved);
        WriteReport keeping = write(journal, new TagWriteOptions(true), kept);

        assertTrue(Files.getLastModifiedTime(moved).compareTo(old) > 0);
        assertEquals(old, Files.getLastModifiedTime(kept));
        assertEquals(List.of("jazz"), new TagReader().read(kept).genres());
        assertEquals(FileStamp.of(kept), journal.entries(keeping.batchId()).get(0).after());
    }

    @Test
    void aFileOnAReadOnlyMountIsRefusedWithTheReasonWhileTheRestOfTheBatchIsWritten() throws Exception {
        Path mount = Files.createDirectories(dir.resolve("ro"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mount.toString()),
                "mounting a tmpfs needs root with CAP_SYS_ADMIN");
        mountPoint = mount;
        Path locked = TestTracks.copy(sources, "flac", mount.resolve("locked.flac"));
        Path open = TestTracks.copy(sources, "flac", dir.resolve("open.flac"));
        TagPlan plan = plan(locked, open);
        assertTrue(run("mount", "-o", "remount,ro", mount.toString()), "remount read-only");
        byte[] original = Files.readAllBytes(locked);

        WriteReport report = new TagWriter().apply(plan, journal(), plan.stamps(), ProgressListener.NONE,
                Cancellation.none());

        assertEquals(1, report.failures().size(), report.failures().toString());
        assertEquals(TagFileException.Reason.READ_ONLY, report.failures().get(0).reason());
        assertTrue(report.failures().get(0).message().contains("read-only file system"),
                report.failures().get(0).message());
        assertArrayEquals(original, Files.readAllBytes(locked));
        assertEquals(List.of("jazz"), new TagReader().read(open).genres());
    }

    @Test
    void aFailureMessageNamesTheFileOnce() throws Exception {
        Path broken = Files.write(dir.resolve("broken.mp3"), new byte[] {1, 2, 3});
        Path missing = dir.resolve("missing.flac");

        TagPlan plan = plan(broken, missing);

        for (int i = 0; i < 2; i++) {
            Path file = i == 0 ? broken : missing;
            assertFalse(plan.skipped().get(i).reason().contains(file.toString()), plan.skipped().get(i).reason());
            assertEquals(1, countOf(plan.describe().get(i), file.toString()), plan.describe().get(i));
        }
        assertTrue(plan.skipped().get(1).reason().contains("no such file"), plan.skipped().get(1).reason());
    }

    private static int countOf(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private FileTagJournal journal() throws IOException {
        return FileTagJournal.open(dir.resolve("data/journal.jsonl"));
    }

    private static List<String> names(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static TagPlan plan(Path... files) {
        List<TagRequest> requests = Stream.of(files).map(f -> TagRequest.chosen(f, "jazz")).toList();
        return new TagPlanner(TagPolicy.defaults()).plan(requests, ProgressListener.NONE, Cancellation.none());
    }

    private static WriteReport write(TagJournal journal, TagWriteOptions options, Path... files) {
        TagPlan plan = plan(files);
        return new TagWriter(options).apply(plan, journal, plan.stamps(), ProgressListener.NONE, Cancellation.none());
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
