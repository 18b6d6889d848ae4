package org.genrelens.tags;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.genrelens.task.Cancellation;
import org.genrelens.task.ProgressListener;
import org.genrelens.testing.FfmpegEncoder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * On files in every writable format and MP3 tag layout, carrying rich tags: writing a genre changes the genre and
 * nothing else (fields as ffprobe reads them, every tag field's bytes, the audio bytes), and undo gives back the
 * file's tags exactly as they were.
 */
class OtherFieldsSurviveTest {

    static final List<String> LAYOUTS = RichTracks.LAYOUTS;

    @TempDir
    static Path sources;

    @TempDir
    Path dir;

    @BeforeAll
    static void writeRichFiles() throws IOException {
        RichTracks.writeAll(sources);
    }

    @ParameterizedTest
    @FieldSource("LAYOUTS")
    void aGenreWriteChangesOnlyTheGenreAndUndoRestoresEveryFieldExactly(String layout) throws Exception {
        Path file = RichTracks.copy(sources, layout, dir.resolve(layout));
        TagSnapshot before = snapshot(file);
        ProbedTags probedBefore = ProbedTags.of(file);
        byte[] audio = AudioPayload.of(file);
        FileTagJournal journal = FileTagJournal.open(dir.resolve("journal.jsonl"));

        TagPlan plan = new TagPlanner(new TagPolicy(TagPolicy.Mode.OVERWRITE, 0f)).plan(
                List.of(TagRequest.chosen(file, "Trip-Hop")), ProgressListener.NONE, Cancellation.none());
        WriteReport written = new TagWriter().apply(plan, journal, plan.stamps(), ProgressListener.NONE,
                Cancellation.none());

        assertTrue(written.allSucceeded(), written.failures().toString());
        assertEquals(List.of("Trip-Hop"), new TagReader().read(file).genres());
        assertEquals(probedBefore, ProbedTags.of(file), "fields as ffprobe reads them, after the write");
        assertEquals(List.of(), before.differencesBesideGenre(snapshot(file), java.util.Set.of("ID3v2.4")),
                "tag fields after the write");
        assertArrayEquals(audio, AudioPayload.of(file), "audio after the write");

        WriteReport undone = new TagUndo(journal).undoBatch(written.batchId(), false, ProgressListener.NONE,
                Cancellation.none());

        assertTrue(undone.allSucceeded(), undone.failures().toString());
        assertEquals(before, snapshot(file), "every tag, genre included, after the undo");
        assertEquals(probedBefore, ProbedTags.of(file), "fields as ffprobe reads them, after the undo");
        assertArrayEquals(audio, AudioPayload.of(file), "audio after the undo");
    }

    @Test
    void aWriteThatWouldReEncodeAnotherFrameIsRefusedNamingItAndTheFileIsUntouched() throws Exception {
        // some taggers write UTF-8 (encoding 3) into ID3v2.3, which only knows Latin-1 and UTF-16; JAudioTagger
        // converts such a frame when it writes the tag
        Path file = FfmpegEncoder.encode(sources.resolve("plain.wav"), "mp3", dir.resolve("utf8-in-v23.mp3"));
        byte[] utf8 = ("\u0003" + "Ärtist").getBytes(StandardCharsets.UTF_8); // encoding byte 3, then UTF-8
        HandBuiltId3.wrapInId3v23(file, HandBuiltId3.frame("TPE1", utf8),
                HandBuiltId3.frame("TCON", HandBuiltId3.text("Blues")));
        Path other = RichTracks.copy(sources, "id3v24.mp3", dir.resolve("other.mp3"));
        byte[] original = Files.readAllBytes(file);
        TagPlan plan = new TagPlanner(new TagPolicy(TagPolicy.Mode.OVERWRITE, 0f)).plan(
                List.of(TagRequest.chosen(file, "Jazz"), TagRequest.chosen(other, "Jazz")), ProgressListener.NONE,
                Cancellation.none());

        WriteReport report = new TagWriter().apply(plan, FileTagJournal.open(dir.resolve("journal.jsonl")),
                plan.stamps(), ProgressListener.NONE, Cancellation.none());

        assertEquals(1, report.failures().size(), report.failures().toString());
        assertEquals(TagFileException.Reason.WRITE_FAILED, report.failures().get(0).reason());
        assertEquals("writing the genre would also change other tags (ID3v2.3 TPE1 changed); nothing was changed",
                report.failures().get(0).message());
        assertArrayEquals(original, Files.readAllBytes(file));
        assertEquals(List.of("Jazz"), new TagReader().read(other).genres(), "the rest of the batch is written");
    }

    private static TagSnapshot snapshot(Path file) throws TagFileException {
        return TagSnapshots.of(AudioTags.open(file), file);
    }
}
