package org.genrelens.tags;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.genrelens.task.Cancellation;
import org.genrelens.task.ProgressListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Write and undo on every format: exact genre values each way, audio payload byte-identical throughout. */
class TagRoundTripTest {

    @TempDir
    static Path sources;

    @TempDir
    Path dir;

    @BeforeAll
    static void encode() throws IOException {
        TestTracks.encodeAll(sources);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mp3", "flac", "ogg", "m4a", "wav", "aiff"})
    void writeThenUndoRestoresTheAbsentGenreAndNeverTouchesTheAudio(String format) throws Exception {
        Path file = TestTracks.copy(sources, format, dir.resolve("track." + format));
        byte[] audio = AudioPayload.of(file);
        TagReader reader = new TagReader();
        assertEquals(List.of(), reader.read(file).genres(), "the encoded file starts without a genre");
        FileTagJournal journal = FileTagJournal.open(dir.resolve("journal.jsonl"));

        WriteReport written = write(journal, file, "Trip-Hop 音楽 ü", TagPolicy.Mode.EMPTY);

        assertTrue(written.allSucceeded(), written.failures().toString());
        assertEquals(List.of("Trip-Hop 音楽 ü"), reader.read(file).genres());
        assertArrayEquals(audio, AudioPayload.of(file), "audio payload after the write");

        WriteReport undone = new TagUndo(journal).undoBatch(written.batchId(), false, ProgressListener.NONE,
                Cancellation.none());

        assertTrue(undone.allSucceeded(), undone.failures().toString());
        assertEquals(List.of(), reader.read(file).genres(), "the genre is absent again");
        assertArrayEquals(audio, AudioPayload.of(file), "audio payload after the undo");
        assertEquals(JournalEntry.State.UNDONE, journal.entries(written.batchId()).get(0).state());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mp3", "flac", "ogg", "m4a", "wav", "aiff"})
    void multiValueGenresSurviveAnOverwriteAndItsUndoExactly(String format) throws Exception {
        Path file = TestTracks.copy(sources, format, dir.resolve("multi." + format));
        byte[] audio = AudioPayload.of(file);
        TagReader reader = new TagReader();
        FileTagJournal journal = FileTagJournal.open(dir.resolve("journal.jsonl"));
        write(journal, file, "Jazz", TagPolicy.Mode.EMPTY);
        write(journal, file, "Électro-Pop", TagPolicy.Mode.APPEND);
        assertEquals(List.of("Jazz", "Électro-Pop"), reader.read(file).genres());

        WriteReport overwrite = write(journal, file, "rock", TagPolicy.Mode.OVERWRITE);
        assertEquals(List.of("rock"), reader.read(file).genres());
        assertArrayEquals(audio, AudioPayload.of(file), "audio payload after three writes");

        new TagUndo(journal).undoBatch(overwrite.batchId(), false, ProgressListener.NONE, Cancellation.none());

        assertEquals(List.of("Jazz", "Électro-Pop"), reader.read(file).genres());
        assertArrayEquals(audio, AudioPayload.of(file), "audio payload after the undo");
    }

    private static WriteReport write(TagJournal journal, Path file, String genre, TagPolicy.Mode mode) {
        TagPlan plan = new TagPlanner(new TagPolicy(mode, 0f)).plan(List.of(TagRequest.chosen(file, genre)),
                ProgressListener.NONE, Cancellation.none());
        assertEquals(1, plan.changes().size(), plan.describe().toString());
        WriteReport report = new TagWriter().apply(plan, journal, plan.stamps(), ProgressListener.NONE,
                Cancellation.none());
        assertTrue(report.allSucceeded(), report.failures().toString());
        return report;
    }
}
