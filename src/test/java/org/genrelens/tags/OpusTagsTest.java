package org.genrelens.tags;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.genrelens.task.Cancellation;
import org.genrelens.task.ProgressListener;
import org.genrelens.testing.FfmpegEncoder;
import org.genrelens.testing.TestAudio;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ogg Opus files encoded by ffmpeg (libopus), tagged through the same planner, journal, atomic write and undo as every
 * other format: tags read like Ogg Vorbis, several GENRE comments written in place of the old one, every other byte of
 * the comment header kept, audio packets and decoded samples unchanged (also when the header grows onto another page
 * and the audio pages are renumbered), undo byte for byte, and a damaged file refused alone and untouched.
 */
class OpusTagsTest {

    private static final GenreWriting WITH_PARENTS = new GenreWriting(GenreMap.defaults(), true);
    private static final GenreWriting DISPLAY_ONLY = new GenreWriting(GenreMap.defaults(), false);

    @TempDir
    static Path sources;

    @TempDir
    Path dir;

    private FileTagJournal journal;

    @BeforeAll
    static void encode() throws Exception {
        Path wav = TestAudio.writeWav(TestAudio.chord(new double[] {220, 277, 330}, 1.5, 22_050, 0.6), 22_050,
                sources.resolve("source.wav"));
        FfmpegEncoder.encode(wav, "opus", sources.resolve("plain.opus"));
        opus(wav, sources.resolve("tagged.opus"), "title=Test Song", "genre=Hip Hop", "artist=Some Artist",
                "comment=keep me");
        // a comment header that fills its one page almost to the brim, so two genres push it onto a second page
        opus(wav, sources.resolve("probe.opus"), "title=Big", "description=x");
        int probe = header(sources.resolve("probe.opus")).commentPacket().length;
        opus(wav, sources.resolve("brim.opus"), "title=Big", "description=" + "x".repeat(1 + 65_010 - probe));
    }

    @Test
    void readsTitleArtistAlbumAndGenreLikeOtherFormats() throws Exception {
        TrackTags tags = new TagReader().read(sources.resolve("tagged.opus"));

        assertEquals(new TrackTags("Test Song", "Some Artist", "", List.of("Hip Hop")), tags);
        assertEquals(TrackTags.empty().genres(), new TagReader().read(sources.resolve("plain.opus")).genres());
        assertTrue(new TagReader().supports(sources.resolve("plain.opus")));
    }

    @Test
    void severalGenresReplaceTheGenreCommentInPlaceAndEverythingElseKeepsItsBytes() throws Exception {
        Path file = copy("tagged.opus");
        byte[] original = Files.readAllBytes(file);
        VorbisComments before = VorbisComments.read(file);

        WriteReport written = write(plan(file, "techno", WITH_PARENTS));

        assertEquals(List.of("Techno", "Electronic"), new TagReader().read(file).genres());
        assertEquals("Techno;Electronic", GenreFormatsTest.probedGenre(file), "two GENRE comments, as ffmpeg reads them");
        VorbisComments after = VorbisComments.read(file);
        assertArrayEquals(before.vendor(), after.vendor());
        assertArrayEquals(before.trailing(), after.trailing());
        String oldGenre = before.entries().stream().map(e -> new String(e, StandardCharsets.UTF_8))
                .filter(e -> e.endsWith("=Hip Hop")).findFirst().orElseThrow().replace("=Hip Hop", "");
        assertEquals(show(before.entries()).replace(oldGenre + "=Hip Hop",
                oldGenre + "=Techno|" + oldGenre + "=Electronic"), show(after.entries()),
                "the genre comments stand where the old one stood, spelled as it was; nothing else changed");
        assertTrue(show(before.entries()).indexOf("=Hip Hop") < show(before.entries()).indexOf("=Some Artist"),
                "the fixture's genre is not its last comment, so 'in place' is tested");
        assertSameAudio(original, file);

        undo(written);
        assertArrayEquals(original, Files.readAllBytes(file), "undo restores the file byte for byte");
    }

    @Test
    void aGenreWithACommaStaysOneGenre() throws Exception {
        Path file = copy("plain.opus");
        byte[] original = Files.readAllBytes(file);

        write(plan(file, "Folk, World, & Country", DISPLAY_ONLY));

        assertEquals(List.of("Folk, World, & Country"), new TagReader().read(file).genres());
        assertEquals("Folk, World, & Country", GenreFormatsTest.probedGenre(file));
        assertSameAudio(original, file);
    }

    @Test
    void aCommentHeaderGrowingOntoAnotherPageRenumbersTheAudioPagesAndKeepsTheirPackets() throws Exception {
        Path file = copy("brim.opus");
        byte[] original = Files.readAllBytes(file);
        assertEquals(1, header(file).commentPages().size(), "the fixture's comment header fits one page");

        WriteReport written = write(plan(file, "techno", WITH_PARENTS));

        assertEquals(2, header(file).commentPages().size(), "two genres push it onto a second page");
        assertEquals(List.of("Techno", "Electronic"), new TagReader().read(file).genres());
        List<Integer> sequences = sequences(file);
        assertEquals(java.util.stream.IntStream.range(0, sequences.size()).boxed().toList(), sequences,
                "every later page renumbered, none skipped");
        assertAllChecksumsMatch(file);
        assertSameAudio(original, file);

        undo(written);
        assertArrayEquals(original, Files.readAllBytes(file), "undo restores the file byte for byte");
    }

    @Test
    void dataAfterTheCommentsIsKeptAndAnOggFileHoldingOpusIsTaggedToo() throws Exception {
        Path file = dir.resolve("padded.ogg");
        byte[] plain = Files.readAllBytes(sources.resolve("plain.opus"));
        OggPage comments = header(sources.resolve("plain.opus")).commentPages().get(0);
        byte[] extra = {1, 'k', 'e', 'e', 'p'}; // first bit set: RFC 7845 asks editors to keep it
        byte[] lacing = Arrays.copyOfRange(comments.bytes(), OggPage.HEADER, comments.bodyStart());
        assertTrue((lacing[lacing.length - 1] & 0xFF) + extra.length < 255, "the fixture's packet grows in place");
        lacing[lacing.length - 1] += (byte) extra.length;
        byte[] body = Arrays.copyOfRange(comments.bytes(), comments.bodyStart(), comments.bytes().length);
        byte[] padded = OggPage.build(comments.flags(), comments.granule(), comments.serial(), comments.sequence(),
                lacing, concat(body, extra)).bytes();
        int start = (int) comments.offset();
        Files.write(file, concat(Arrays.copyOf(plain, start), padded,
                Arrays.copyOfRange(plain, (int) comments.end(), plain.length)));
        assertArrayEquals(extra, VorbisComments.read(file).trailing());

        write(plan(file, "techno", WITH_PARENTS));

        assertEquals(List.of("Techno", "Electronic"), new TagReader().read(file).genres());
        assertEquals("Techno;Electronic", GenreFormatsTest.probedGenre(file));
        assertArrayEquals(extra, VorbisComments.read(file).trailing(), "the data after the comments is kept");
        assertTrue(decoded(file).length > 100_000, "ffmpeg still decodes it");
    }

    @Test
    void damagedOrCutShortOpusFilesFailAloneWithTheirReasonAndAreLeftUntouched() throws Exception {
        Path good = copy("plain.opus");
        Path cut = copy("tagged.opus", "cut.opus");
        byte[] whole = Files.readAllBytes(cut);
        Files.write(cut, Arrays.copyOf(whole, whole.length - 100));
        Path flipped = copy("tagged.opus", "flipped.opus");
        byte[] bits = Files.readAllBytes(flipped);
        OggPage last = pages(flipped).get(pages(flipped).size() - 1);
        bits[(int) last.offset() + last.bodyStart() + 10] ^= 0x10; // one bit of audio
        Files.write(flipped, bits);
        Path vorbis = dir.resolve("vorbis.opus");
        FfmpegEncoder.encode(sources.resolve("source.wav"), "ogg", vorbis);
        List<Path> damaged = List.of(cut, flipped, vorbis);
        List<byte[]> damagedBytes = new ArrayList<>();
        for (Path file : damaged) {
            damagedBytes.add(Files.readAllBytes(file));
        }

        TagPlan plan = new TagPlanner(new TagPolicy(TagPolicy.Mode.OVERWRITE, 0f), DISPLAY_ONLY).plan(
                List.of(TagRequest.chosen(good, "jazz"), TagRequest.chosen(cut, "jazz"),
                        TagRequest.chosen(flipped, "jazz"), TagRequest.chosen(vorbis, "jazz")),
                ProgressListener.NONE, Cancellation.none());
        WriteReport report = new TagWriter().apply(plan, journal(), plan.stamps(), ProgressListener.NONE,
                Cancellation.none());

        assertEquals(List.of("Jazz"), new TagReader().read(good).genres(), "the good file is still written");
        assertEquals(1, report.applied().size());
        String failures = report.failures().toString();
        assertTrue(failures.contains("cut.opus") && failures.contains("ends inside the Ogg page"), failures);
        assertTrue(failures.contains("flipped.opus") && failures.contains("fails its checksum"), failures);
        String skipped = plan.describe().toString();
        assertTrue(skipped.contains("vorbis.opus") && skipped.contains("not an Ogg Opus stream"), skipped);
        for (int i = 0; i < damaged.size(); i++) {
            assertArrayEquals(damagedBytes.get(i), Files.readAllBytes(damaged.get(i)), damaged.get(i) + " untouched");
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().contains(".genrelens-")).toList(),
                    "no temporary copy left behind");
        }
    }

    @Test
    void aCommentLengthClaimingMoreThanTheFileIsRefusedBeforeAnythingIsAllocated() throws Exception {
        Path file = copy("tagged.opus", "crafted.opus");
        byte[] bytes = Files.readAllBytes(file);
        OggOpusHeader header = header(file);
        int vendorLength = (int) header.commentStart() + header.commentPages().get(0).bodyStart() + 8;
        java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(vendorLength, 0x7FFF_FFF0);
        Files.write(file, bytes);

        TagFileException refused = org.junit.jupiter.api.Assertions.assertThrows(TagFileException.class,
                () -> new TagReader().read(file));

        assertEquals(TagFileException.Reason.UNREADABLE, refused.reason());
        assertTrue(refused.getMessage().contains("Vorbis comment vendor claims"), refused.getMessage());
        assertArrayEquals(bytes, Files.readAllBytes(file));
    }

    // ---- helpers

    private static void opus(Path wav, Path target, String... metadata) throws IOException {
        List<String> args = new ArrayList<>(List.of(FfmpegEncoder.ffmpeg().toString(), "-nostdin", "-loglevel",
                "error", "-y", "-i", wav.toString()));
        for (String field : metadata) {
            args.addAll(List.of("-metadata", field));
        }
        args.addAll(List.of("-c:a", "libopus", "-b:a", "96k", "-f", "ogg", target.toString()));
        FfmpegEncoder.run(args);
    }

    private static OggOpusHeader header(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return OggOpusHeader.read(channel);
        }
    }

    private static List<OggPage> pages(Path file) throws IOException {
        List<OggPage> pages = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            for (long at = 0; at < channel.size(); ) {
                OggPage page = OggPage.read(channel, at);
                pages.add(page);
                at = page.end();
            }
        }
        return pages;
    }

    private static List<Integer> sequences(Path file) throws IOException {
        return pages(file).stream().map(OggPage::sequence).toList();
    }

    private static void assertAllChecksumsMatch(Path file) throws IOException {
        for (OggPage page : pages(file)) {
            assertTrue(page.checksumMatches(), "page at byte " + page.offset());
        }
    }

    /** The same audio packets (granule positions and bodies) and the same samples as ffmpeg decodes them. */
    private void assertSameAudio(byte[] original, Path written) throws IOException {
        Path before = Files.write(dir.resolve("before-" + written.getFileName()), original);
        assertArrayEquals(AudioPayload.of(before), AudioPayload.of(written), "audio packets unchanged");
        byte[] samples = decoded(before);
        assertTrue(samples.length > 100_000, "decoded " + samples.length + " bytes");
        assertArrayEquals(samples, decoded(written), "ffmpeg decodes the same samples");
        assertNotEquals(-1L, Files.mismatch(before, written), "the file itself did change");
        Files.delete(before);
    }

    private byte[] decoded(Path file) throws IOException {
        Path raw = dir.resolve(file.getFileName() + ".f32");
        FfmpegEncoder.run(List.of(FfmpegEncoder.ffmpeg().toString(), "-nostdin", "-loglevel", "error", "-y", "-i",
                file.toString(), "-f", "f32le", "-c:a", "pcm_f32le", raw.toString()));
        byte[] samples = Files.readAllBytes(raw);
        Files.delete(raw);
        return samples;
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static String show(List<byte[]> entries) {
        return String.join("|", entries.stream().map(e -> new String(e, StandardCharsets.UTF_8)).toList());
    }

    private Path copy(String name) throws IOException {
        return copy(name, name);
    }

    private Path copy(String name, String as) throws IOException {
        return Files.copy(sources.resolve(name), dir.resolve(as));
    }

    private static TagPlan plan(Path file, String genre, GenreWriting writing) {
        return new TagPlanner(new TagPolicy(TagPolicy.Mode.OVERWRITE, 0f), writing).plan(
                List.of(TagRequest.chosen(file, genre)), ProgressListener.NONE, Cancellation.none());
    }

    private FileTagJournal journal() throws IOException {
        journal = journal == null ? FileTagJournal.open(dir.resolve("journal.jsonl")) : journal;
        return journal;
    }

    private WriteReport write(TagPlan plan) throws Exception {
        assertEquals(1, plan.changes().size(), plan.describe().toString());
        WriteReport report = new TagWriter().apply(plan, journal(), plan.stamps(), ProgressListener.NONE,
                Cancellation.none());
        assertTrue(report.allSucceeded(), report.failures().toString());
        assertFalse(report.applied().isEmpty());
        return report;
    }

    private void undo(WriteReport written) {
        WriteReport undone = new TagUndo(journal).undoBatch(written.batchId(), false, ProgressListener.NONE,
                Cancellation.none());
        assertTrue(undone.allSucceeded(), undone.failures().toString());
        assertEquals(1, undone.applied().size());
    }
}
