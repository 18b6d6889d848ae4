package org.genrelens.tags;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.genrelens.task.Cancellation;
import org.genrelens.task.ProgressListener;
import org.genrelens.testing.FfmpegEncoder;
import org.genrelens.testing.TestAudio;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Genres through the user's vocabulary, per format: several genres written the way the format defines them (read
 * back by JAudioTagger and by ffprobe), a genre with a comma kept whole, the append policy blind to spelling, and
 * undo giving back every tag field byte for byte.
 */
class GenreFormatsTest {

    private static final GenreWriting WITH_PARENTS = new GenreWriting(GenreMap.defaults(), true);
    private static final GenreWriting DISPLAY_ONLY = new GenreWriting(GenreMap.defaults(), false);

    @TempDir
    static Path sources;

    @TempDir
    Path dir;

    @BeforeAll
    static void encode() throws Exception {
        Path wav = TestAudio.writeWav(TestAudio.chord(new double[] {220, 277, 330}, 1.5, 22_050, 0.6), 22_050,
                sources.resolve("source.wav"));
        for (String format : List.of("mp3", "mp3v23", "flac", "ogg", "m4a")) {
            List<String> args = new ArrayList<>(List.of(FfmpegEncoder.ffmpeg().toString(), "-nostdin", "-loglevel",
                    "error", "-y", "-i", wav.toString(), "-metadata", "title=Test Song", "-metadata",
                    "genre=Hip Hop"));
            args.addAll(switch (format) {
                case "mp3" -> List.of("-c:a", "libmp3lame", "-id3v2_version", "4", "-f", "mp3");
                case "mp3v23" -> List.of("-c:a", "libmp3lame", "-id3v2_version", "3", "-f", "mp3");
                case "flac" -> List.of("-c:a", "flac", "-f", "flac");
                case "ogg" -> List.of("-c:a", "libvorbis", "-f", "ogg");
                default -> List.of("-c:a", "aac", "-f", "ipod");
            });
            args.add(sources.resolve(format + "." + extension(format)).toString());
            FfmpegEncoder.run(args);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mp3", "mp3v23", "flac", "ogg", "m4a"})
    void appendAddsNothingTheFileHasUnderAnotherSpellingAndOtherwiseAppendsTheDisplayName(String format)
            throws Exception {
        Path file = copy(format);
        TagPlan same = plan(file, TagPolicy.Mode.APPEND, DISPLAY_ONLY, "hiphop");
        assertTrue(same.isEmpty(), "'Hip Hop' is there already: " + same.describe());
        assertTrue(same.skipped().get(0).reason().contains("already tagged"), same.describe().toString());

        TagSnapshot before = snapshot(file);
        WriteReport written = write(plan(file, TagPolicy.Mode.APPEND, DISPLAY_ONLY, "jazz"));

        List<String> expected = format.equals("mp3v23") ? List.of("Hip Hop/Jazz") : List.of("Hip Hop", "Jazz");
        assertEquals(expected, new TagReader().read(file).genres());
        assertEquals(List.of("Hip-Hop", "Jazz"), GenreMap.defaults().displayAll(new TagReader().read(file).genres()));
        assertTrue(plan(file, TagPolicy.Mode.APPEND, DISPLAY_ONLY, "Hip-Hop").isEmpty(), "nothing added twice");

        undo(written);
        assertEquals(before, snapshot(file), "undo restores every tag field exactly");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mp3", "mp3v23", "flac", "ogg", "m4a"})
    void severalGenresAreWrittenTheWayTheFormatDefinesThemAndUndoRestoresExactly(String format) throws Exception {
        Path file = copy(format);
        byte[] audio = AudioPayload.of(file);
        TagSnapshot before = snapshot(file);

        WriteReport written = write(plan(file, TagPolicy.Mode.OVERWRITE, WITH_PARENTS, "techno"));

        List<String> read = new TagReader().read(file).genres();
        if (format.equals("mp3v23")) {
            assertEquals(List.of("Techno/Electronic"), read, "ID3v2.3: one value, joined with '/'");
            assertEquals("Techno/Electronic", probedGenre(file));
        } else {
            assertEquals(List.of("Techno", "Electronic"), read, "one value per genre");
        }
        if (format.equals("flac") || format.equals("ogg")) {
            // two GENRE comments; ffmpeg joins repeated comments with ';'
            assertEquals("Techno;Electronic", probedGenre(file));
        } else if (!format.equals("mp3v23")) {
            // ffmpeg shows one of several ID3v2.4 values or MP4 data items
            assertTrue(List.of("Techno", "Electronic", "Techno;Electronic").contains(probedGenre(file)),
                    probedGenre(file));
        }
        assertArrayEquals(audio, AudioPayload.of(file));

        undo(written);
        assertEquals(before, snapshot(file), "undo restores every tag field exactly");
        assertArrayEquals(audio, AudioPayload.of(file));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mp3", "mp3v23", "flac", "ogg", "m4a"})
    void aGenreWithACommaStaysOneGenre(String format) throws Exception {
        Path file = copy(format);
        write(plan(file, TagPolicy.Mode.OVERWRITE, DISPLAY_ONLY, "Folk, World, & Country"));
        assertEquals(List.of("Folk, World, & Country"), new TagReader().read(file).genres());
        assertEquals("Folk, World, & Country", probedGenre(file));
        assertEquals(List.of("Folk, World, & Country"),
                GenreMap.defaults().displayAll(new TagReader().read(file).genres()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mp3", "flac"})
    void theModelsLabelIsWrittenAsItsDisplayName(String format) throws Exception {
        Path file = copy(format);
        TagPlan plan = new TagPlanner(new TagPolicy(TagPolicy.Mode.OVERWRITE, 0.5f), DISPLAY_ONLY).plan(
                List.of(TagRequest.predicted(file, TestTracks.prediction("hiphop", 0.9f, false))),
                ProgressListener.NONE, Cancellation.none());
        assertEquals(List.of("Hip-Hop"), plan.changes().get(0).after(), plan.describe().toString());
        write(plan);
        assertEquals(List.of("Hip-Hop"), new TagReader().read(file).genres());
    }

    private Path copy(String format) throws Exception {
        String name = format + "." + extension(format);
        return Files.copy(sources.resolve(name), dir.resolve(name));
    }

    private static String extension(String format) {
        return format.startsWith("mp3") ? "mp3" : format;
    }

    private static TagPlan plan(Path file, TagPolicy.Mode mode, GenreWriting writing, String genre) {
        return new TagPlanner(new TagPolicy(mode, 0f), writing).plan(List.of(TagRequest.chosen(file, genre)),
                ProgressListener.NONE, Cancellation.none());
    }

    private WriteReport write(TagPlan plan) throws Exception {
        assertEquals(1, plan.changes().size(), plan.describe().toString());
        journal = journal == null ? FileTagJournal.open(dir.resolve("journal.jsonl")) : journal;
        WriteReport report = new TagWriter().apply(plan, journal, plan.stamps(), ProgressListener.NONE,
                Cancellation.none());
        assertTrue(report.allSucceeded(), report.failures().toString());
        return report;
    }

    private FileTagJournal journal;

    private void undo(WriteReport written) {
        WriteReport undone = new TagUndo(journal).undoBatch(written.batchId(), false, ProgressListener.NONE,
                Cancellation.none());
        assertTrue(undone.allSucceeded(), undone.failures().toString());
    }

    private static TagSnapshot snapshot(Path file) throws Exception {
        return TagSnapshots.of(AudioTags.open(file), file);
    }

    /** The genre as ffprobe reads it: from the container's tags, or the stream's (Ogg keeps comments there). */
    static String probedGenre(Path file) throws Exception {
        Process p = new ProcessBuilder("ffprobe", "-v", "error", "-show_entries", "format_tags:stream_tags", "-of",
                "json", file.toString()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, new String(out));
        var json = new ObjectMapper().readTree(out);
        List<com.fasterxml.jackson.databind.JsonNode> places = new ArrayList<>();
        places.add(json.path("format").path("tags"));
        json.path("streams").forEach(stream -> places.add(stream.path("tags")));
        for (var tags : places) {
            for (var it = tags.fields(); it.hasNext(); ) {
                var field = it.next();
                if (field.getKey().equalsIgnoreCase("genre")) {
                    return field.getValue().asText();
                }
            }
        }
        return "";
    }
}
