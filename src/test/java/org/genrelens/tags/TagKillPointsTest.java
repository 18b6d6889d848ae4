package org.genrelens.tags;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.genrelens.testing.ChildJvm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code genrelens tag} process is SIGKILLed at 20 points spread over its 38 steps (six files, one of them
 * hard-linked and so written in place): after each kill every file is untouched or fully tagged as its journal
 * entry says, and {@code undo} gives every file its old tags back and leaves no copy behind. The process stops
 * itself at the step ({@link WriteSteps}, off unless a test sets its property) and the test kills it there, so each
 * point is exact rather than a race.
 */
class TagKillPointsTest {

    private static final int STEPS = 38; // 1 batch + 5 renamed files x 6 steps + 1 file written in place x 7 steps
    private static final int POINTS = 20;
    private static final List<String> GENRE = List.of("Jazz");

    @TempDir
    static Path sources;

    @TempDir
    Path tmp;

    @BeforeAll
    static void encode() throws IOException {
        TestTracks.encodeAll(sources);
    }

    @Test
    void aTagBatchKilledAtAnyStepLeavesEachFileUntouchedOrFullyTaggedAsJournaledAndUndoRestoresThemAll()
            throws Exception {
        List<Integer> killed = new ArrayList<>();
        for (int point = 0; point < POINTS; point++) {
            int step = 1 + point * (STEPS - 1) / (POINTS - 1);
            killAtStepThenUndo(step, tmp.resolve("run-" + step));
            killed.add(step);
        }
        assertEquals(POINTS, killed.stream().distinct().count(), "20 different points: " + killed);
    }

    private void killAtStepThenUndo(int step, Path run) throws Exception {
        Path music = Files.createDirectories(run.resolve("music"));
        Map<Path, byte[]> original = new HashMap<>();
        Map<Path, TagSnapshot> before = new HashMap<>();
        for (String format : TestTracks.FORMATS) {
            Path file = TestTracks.copy(sources, format, music.resolve("track." + format));
            original.put(file, Files.readAllBytes(file));
            before.put(file, TagSnapshots.of(AudioTags.open(file), file));
        }
        // a second link makes the writer overwrite this file in place after a backup, not rename over it
        Files.createLink(Files.createDirectories(run.resolve("elsewhere")).resolve("same.flac"),
                music.resolve("track.flac"));
        Path journalFile = run.resolve("data/journal.jsonl");
        Path signal = run.resolve("paused");
        List<String> args = new ArrayList<>(List.of("tag", "--genre", "Jazz", "--journal", journalFile.toString()));
        original.keySet().stream().sorted().forEach(file -> args.add(file.toString()));
        ChildJvm tag = ChildJvm.start("org.genrelens.app.Main", List.of("-Dgenrelens.test.pauseAtStep=" + step,
                "-Dgenrelens.test.pauseSignal=" + signal), args, run.resolve("tag.log"));
        awaitPause(tag, signal, step);
        String where = Files.readString(signal);
        tag.kill();

        long batch = checkAfterKill(journalFile, original, before, where);
        if (batch > 0) {
            ChildJvm undo = ChildJvm.start("org.genrelens.app.Main", List.of(), List.of("undo", String.valueOf(batch),
                    "--journal", journalFile.toString()), run.resolve("undo.log"));
            assertEquals(0, undo.waitFor(120), where + ": " + undo.output());
        }
        for (Path file : original.keySet()) {
            AudioFile checked = AudioFile.of(file);
            assertEquals(List.of(), checked.genres(), where + ": " + file);
            assertEquals(List.of(), before.get(file).differencesBesideGenre(checked.snapshot()), where + ": " + file);
            assertEquals(before.get(file).tags(), checked.snapshot().tags(), where + ": " + file);
            assertArrayEquals(AudioPayload.of(sources.resolve("source." + extension(file))), AudioPayload.of(file),
                    where + ": the audio of " + file);
        }
        try (Stream<Path> left = Files.list(music)) {
            assertEquals(TestTracks.FORMATS.size(), left.count(), where + ": no hidden copy is left in the folder");
        }
        Path work = run.resolve("data/journal.jsonl.tag-work");
        if (Files.isDirectory(work)) {
            try (Stream<Path> left = Files.list(work)) {
                assertEquals(List.of(), left.toList(), where + ": no backup copy is left");
            }
        }
    }

    /** Returns the batch the killed run began, or 0 when it was killed before. */
    private static long checkAfterKill(Path journalFile, Map<Path, byte[]> original, Map<Path, TagSnapshot> before,
            String where) throws Exception {
        try (FileTagJournal journal = FileTagJournal.open(journalFile)) {
            List<TagJournal.Batch> batches = journal.batches();
            Map<Path, JournalEntry> entries = new HashMap<>();
            if (!batches.isEmpty()) {
                journal.entries(batches.get(0).id()).forEach(e -> entries.put(e.change().file(), e));
            }
            int pending = 0;
            for (Path file : original.keySet()) {
                JournalEntry entry = entries.get(file);
                boolean untouched = Arrays.equals(original.get(file), Files.readAllBytes(file));
                boolean tagged = !untouched && fullyTagged(file, before.get(file));
                String state = entry == null ? "not journaled" : entry.state().name();
                assertTrue(untouched || tagged, where + ": " + file + " is half-written (" + state + ")");
                if (entry == null) {
                    assertTrue(untouched, where + ": " + file + " changed without a journal entry");
                } else if (entry.state() == JournalEntry.State.APPLIED) {
                    assertTrue(tagged, where + ": " + file + " journaled applied but not tagged");
                    assertEquals(entry.after(), FileStamp.of(file), where + ": " + file);
                } else {
                    assertEquals(JournalEntry.State.PENDING, entry.state(), where + ": " + file);
                    pending++; // killed mid-write: either state is whole, and undo reads which
                }
            }
            assertTrue(pending <= 1, where + ": only the write in progress may be pending, found " + pending);
            return batches.isEmpty() ? 0 : batches.get(0).id();
        }
    }

    private static boolean fullyTagged(Path file, TagSnapshot before) throws TagFileException {
        AudioFile now = AudioFile.of(file);
        // a write may add a tag of a family the file had none of (an ID3 chunk in an AIFF), as the writer allows
        java.util.Set<String> created = new java.util.HashSet<>();
        for (String tag : now.snapshot().tags()) {
            String family = tag.replaceAll("\\.\\d+$", "");
            if (before.tags().stream().noneMatch(t -> t.replaceAll("\\.\\d+$", "").equals(family))) {
                created.add(tag);
            }
        }
        return now.genres().equals(GENRE) && before.differencesBesideGenre(now.snapshot(), created).isEmpty();
    }

    private static void awaitPause(ChildJvm child, Path signal, int step) throws Exception {
        for (int polls = 0; polls < 1200; polls++) {
            if (Files.exists(signal) && Files.size(signal) > 0) {
                return;
            }
            if (!child.process().isAlive()) {
                throw new AssertionError("the batch ended before step " + step + ":\n" + child.output());
            }
            Thread.sleep(50);
        }
        child.kill();
        throw new AssertionError("step " + step + " not reached in a minute:\n" + child.output());
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** The tags and snapshot of a file as JAudioTagger reads it now. */
    private record AudioFile(List<String> genres, TagSnapshot snapshot) {
        static AudioFile of(Path file) throws TagFileException {
            org.jaudiotagger.audio.AudioFile audio = AudioTags.open(file);
            return new AudioFile(AudioTags.genres(audio), TagSnapshots.of(audio, file));
        }
    }
}
