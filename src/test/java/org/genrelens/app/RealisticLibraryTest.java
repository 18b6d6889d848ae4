package org.genrelens.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.genrelens.inference.ModelCard;
import org.genrelens.library.LibraryDatabase;
import org.genrelens.library.LibraryLocation;
import org.genrelens.tags.GenreMap;
import org.genrelens.tags.TagReader;
import org.genrelens.tags.TrackTags;
import org.genrelens.testing.FfmpegEncoder;
import org.genrelens.testing.SharedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, item 7: a library as people have one, through the command line from start to end. Real GTZAN clips as
 * mp3, flac, ogg and m4a with artists and albums, genres tagged in the spellings taggers leave ("Hip-Hop", "hip hop",
 * "(17)", "Rock;Pop"), a quarter untagged, one genre too small to learn. It is scanned and analysed, a head is trained
 * on its tags, the untagged files are tagged and the tags undone, and the review queue's decisions are learned.
 */
class RealisticLibraryTest {

    private static final List<String> FORMATS = List.of("mp3", "flac", "ogg", "m4a");
    private static final Map<String, List<String>> SPELLINGS = new LinkedHashMap<>();

    static {
        // the genre's tag in turn over its tagged clips; the display spelling is the map's built-in one
        SPELLINGS.put("classical", List.of("Classical", "classical"));
        SPELLINGS.put("hiphop", List.of("Hip-Hop", "hip hop", "HipHop"));
        SPELLINGS.put("jazz", List.of("Jazz"));
        SPELLINGS.put("metal", List.of("Metal", "metal"));
        SPELLINGS.put("rock", List.of("Rock", "(17)", "Rock;Pop"));
    }

    private static final Set<String> DISPLAYED = Set.of("Classical", "Hip-Hop", "Jazz", "Metal", "Rock");
    /** Clips 2 and 5 of each genre carry no genre tag: a quarter of the library. */
    private static final Set<Integer> UNTAGGED = Set.of(2, 5);
    private static final double SECONDS = 12;

    /** One file of the library and what the test gave it. */
    private record Song(Path file, String genre, String tag, String artist) {
        boolean untagged() {
            return tag == null;
        }
    }

    @TempDir
    Path dir;

    @TempDir
    Path dataFolder;

    private String previousDataFolder;
    private String db;
    private final TagReader reader = new TagReader();
    private final GenreMap genreMap = GenreMap.defaults();

    @BeforeEach
    void useAnEmptyDataFolderSoTheBuiltInGenreMapApplies() {
        previousDataFolder = System.getProperty(LibraryLocation.DATA_DIRECTORY_PROPERTY);
        System.setProperty(LibraryLocation.DATA_DIRECTORY_PROPERTY, dataFolder.toString());
    }

    @AfterEach
    void restoreTheDataFolder() {
        if (previousDataFolder == null) {
            System.clearProperty(LibraryLocation.DATA_DIRECTORY_PROPERTY);
        } else {
            System.setProperty(LibraryLocation.DATA_DIRECTORY_PROPERTY, previousDataFolder);
        }
    }

    @Test
    void aMixedlySpeltLibraryIsLearnedTaggedInTheMapsSpellingUndoneExactlyAndReviewed() throws Exception {
        Path music = Files.createDirectories(dir.resolve("music"));
        List<Song> songs = library(SharedData.gtzanGenres(), music);
        db = dir.resolve("library.db").toString();
        Map<Path, byte[]> original = bytes(songs);

        // scan and analyse with the bundled model
        CliRun scan = CliRun.of("scan", music.toString(), "--db", db);
        assertEquals(0, scan.exitCode(), scan.err());
        assertTrue(scan.out().startsWith(songs.size() + " new,"), scan.out());
        storedTagsAreTheMapsSpellings(songs);
        CliRun analyzed = CliRun.of("analyze", "--db", db, "--model", "models/genre-cnn.onnx", "--jobs", "2");
        assertEquals(0, analyzed.exitCode(), analyzed.err());
        assertTrue(analyzed.out().startsWith("analysed " + songs.size() + " track(s)"), analyzed.out());

        // a head learned from the tags: the spellings are one genre each, by-artist folds, untagged named
        Path head = dir.resolve("head.onnx");
        CliRun trained = trainHead(head);
        assertTrue(trained.err().contains("30 tracks in 5 genres with at least 3 tracks each; not used, too few "
                + "tracks: reggae (2); 11 tracks without a genre"), trained.err());
        Set<String> noGenre = new HashSet<>();
        trained.err().lines().filter(line -> line.startsWith("  no genre: "))
                .forEach(line -> noGenre.add(line.substring("  no genre: ".length())));
        assertEquals(paths(songs.stream().filter(Song::untagged).toList()), noGenre);
        assertTrue(trained.out().contains("2-fold-by-artist (track level, 30 tracks, no artist on both sides)"),
                trained.out());
        assertTrue(accuracy(trained.out()) >= 0.6, "the genres are learnable from the embeddings: " + trained.out());
        assertEquals(List.of("classical", "hiphop", "jazz", "metal", "rock"),
                ModelCard.read(ModelCard.cardPathFor(head)).labels());

        // grouping by the head's predictions: one group per genre, named as the map shows it
        CliRun reanalysed = CliRun.of("analyze", "--db", db, "--model", head.toString(), "--jobs", "2",
                "--threshold", "0");
        assertEquals(0, reanalysed.exitCode(), reanalysed.err());
        Map<String, Set<String>> groups = groups(CliRun.of("list", "--db", db, "--by-genre"));
        // at threshold 0 only the head's familiarity can hold a track back, and only music it never trained on
        Set<String> heldBack = groups.getOrDefault("uncertain", Set.of());
        Set<String> untaggedFiles = paths(songs.stream().filter(Song::untagged).toList());
        assertTrue(untaggedFiles.containsAll(heldBack), "held back as unfamiliar: " + heldBack);
        assertTrue(heldBack.size() <= untaggedFiles.size() / 2, "most unseen known music stays familiar: " + heldBack);
        Set<String> genreGroups = new HashSet<>(groups.keySet());
        genreGroups.remove("uncertain");
        assertTrue(DISPLAYED.containsAll(genreGroups), "only the map's spellings: " + groups);
        assertEquals(songs.size(), groups.values().stream().mapToInt(Set::size).sum(), "every track in one group");
        Map<Path, String> predicted = new LinkedHashMap<>();
        groups.forEach((group, files) -> files.forEach(file -> predicted.put(Path.of(file), group)));
        if (!heldBack.isEmpty()) { // their top genre, as the review queue shows it
            Map<String, JsonNode> unsure = review("1");
            heldBack.forEach(file -> predicted.put(Path.of(file), unsure.get(file).get("prediction").asText()));
        }
        long right = songs.stream().filter(song -> !song.genre().equals("reggae"))
                .filter(song -> predicted.get(song.file()).equals(genreMap.display(song.genre()))).count();
        assertTrue(right >= 0.75 * (songs.size() - 3), right + " right of " + (songs.size() - 3) + ": " + groups);
        CliRun stats = CliRun.of("stats", "--db", db);
        genreGroups.forEach(group -> assertTrue(stats.out().contains("genre " + group + ": "
                + groups.get(group).size()), "stats counts the groups list shows: " + stats.out()));

        // the untagged files get the predicted genre in the map's spelling, the tagged ones are left alone
        List<Song> toWrite = songs.stream().filter(song -> !heldBack.contains(song.file().toString()))
                .filter(song -> song.untagged() || song.genre().equals("hiphop")).toList();
        int writes = untaggedFiles.size() - heldBack.size();
        CliRun dry = CliRun.of("tag", "--library", "--db", db, "--dry-run");
        assertTrue(dry.out().contains("dry run: " + writes + " change(s) planned, nothing written"), dry.out());
        assertUnchanged(original, songs);
        Map<Path, FileState> beforeWrites = new LinkedHashMap<>();
        for (Song song : toWrite) {
            beforeWrites.put(song.file(), state(song.file()));
        }
        CliRun tagged = CliRun.of("tag", "--library", "--db", db);
        assertEquals(0, tagged.exitCode(), tagged.err());
        assertTrue(tagged.out().contains("tagged " + writes + " file(s) in batch "), tagged.out());
        long batch = batch(tagged.out());
        Set<String> formatsTagged = new HashSet<>();
        for (Song song : songs) {
            if (song.untagged() && !heldBack.contains(song.file().toString())) {
                String written = predicted.get(song.file());
                assertEquals(List.of(written), reader.read(song.file()).genres(), song.file().toString());
                assertEquals(written, probedTags(song.file()).get("genre"), "another reader agrees: " + song.file());
                formatsTagged.add(extension(song.file()));
            } else {
                assertArrayEquals(original.get(song.file()), Files.readAllBytes(song.file()),
                        "a tagged file is left alone under the empty policy, an unfamiliar one is not tagged: "
                        + song.file());
            }
        }
        assertEquals(Set.copyOf(FORMATS), formatsTagged);

        // append: a genre already there under another spelling is not added again, another genre is
        Path journal = dir.resolve("journal.jsonl");
        List<String> hiphopFiles = songs.stream().filter(song -> song.genre().equals("hiphop") && !song.untagged())
                .map(song -> song.file().toString()).toList();
        List<String> rockFiles = songs.stream().filter(song -> song.genre().equals("rock") && !song.untagged())
                .map(song -> song.file().toString()).toList();
        assertTrue(songs.stream().anyMatch(song -> "hip hop".equals(song.tag())));
        for (CliRun same : List.of(tagAppending(journal, "Hip-Hop", hiphopFiles),
                tagAppending(journal, "rock", rockFiles))) {
            assertEquals(0, same.exitCode(), same.err());
            assertTrue(same.out().contains("nothing to change"), same.out());
            assertEquals(6, same.out().lines().filter(line -> line.contains(": already tagged")).count(), same.out());
        }
        Map<Path, List<String>> before = new TreeMap<>();
        for (String file : hiphopFiles) {
            before.put(Path.of(file), reader.read(Path.of(file)).genres());
        }
        CliRun other = tagAppending(journal, "jazz", hiphopFiles);
        assertEquals(0, other.exitCode(), other.err());
        assertTrue(other.out().contains("tagged " + hiphopFiles.size() + " file(s) in batch 1"), other.out());
        for (Map.Entry<Path, List<String>> file : before.entrySet()) {
            List<String> genres = reader.read(file.getKey()).genres();
            assertEquals(List.of("Hip-Hop", "Jazz"), genreMap.displayAll(genres), file.getKey().toString());
            assertEquals(file.getValue(), genres.subList(0, file.getValue().size()),
                    "the old spelling stays as it was: " + file.getKey());
        }

        // undo both batches: every file is as it was
        CliRun undoAppend = CliRun.of("undo", "1", "--journal", journal.toString());
        assertEquals(0, undoAppend.exitCode(), undoAppend.err());
        CliRun undoLibrary = CliRun.of("undo", String.valueOf(batch), "--db", db);
        assertEquals(0, undoLibrary.exitCode(), undoLibrary.err());
        assertTrue(undoLibrary.out().contains("restored " + writes + " file(s) of batch " + batch), undoLibrary.out());
        for (Song song : songs) {
            if (beforeWrites.containsKey(song.file())) {
                assertEquals(beforeWrites.get(song.file()), state(song.file()), "undone: " + song.file());
            } else {
                assertArrayEquals(original.get(song.file()), Files.readAllBytes(song.file()), "never written: "
                        + song.file());
            }
        }

        // the review queue, and its decisions learned by the next head
        assertEquals(0, CliRun.of("scan", music.toString(), "--db", db).exitCode());
        reviewAndRetrain(songs, predicted, trained.out());
    }

    private void reviewAndRetrain(List<Song> songs, Map<Path, String> predicted, String firstTraining)
            throws IOException {
        // someone tags a metal song the head learned as Jazz: the queue should find it
        Song mistagged = songs.stream().filter(s -> s.genre().equals("metal") && !s.untagged()).findFirst()
                .orElseThrow();
        assertEquals(0, CliRun.of("tag", "--genre", "Jazz", "--policy", "overwrite", "--journal",
                dir.resolve("later.jsonl").toString(), mistagged.file().toString()).exitCode());
        assertTrue(CliRun.of("scan", dir.resolve("music").toString(), "--db", db).out().contains("1 retagged"));
        Map<String, JsonNode> queue = review("0.5");
        for (JsonNode item : queue.values()) {
            assertEquals(predicted.get(Path.of(item.get("path").asText())), item.get("prediction").asText(),
                    "the queue reviews the newest analysis: " + item);
            if (item.get("kind").asText().equals("DISAGREES")) {
                assertTrue(DISPLAYED.contains(item.get("tag").asText()), "the tag as the map spells it: " + item);
                assertFalse(item.get("tag").asText().equals(item.get("prediction").asText()), item.toString());
                assertTrue(item.get("confidence").asDouble() >= 0.5, item.toString());
            } else {
                assertEquals("UNSURE", item.get("kind").asText(), item.toString());
                assertTrue(item.get("tag").isNull() || item.get("tag").asText().equals("Reggae"),
                        "unsure only without a tag the model knows: " + item);
            }
        }
        JsonNode wrong = queue.get(mistagged.file().toString());
        assertTrue(wrong != null && wrong.get("kind").asText().equals("DISAGREES")
                && wrong.get("tag").asText().equals("Jazz") && wrong.get("prediction").asText().equals("Metal"),
                "the metal song tagged Jazz is a disagreement: " + queue.values());
        // below a confidence of 1 every untagged track counts as unsure
        Map<String, JsonNode> everything = review("1");
        for (Song song : songs) {
            if (song.untagged()) {
                JsonNode item = everything.get(song.file().toString());
                assertEquals("UNSURE", item.get("kind").asText(), song.file().toString());
            }
        }
        Song reggae = songs.stream().filter(s -> s.genre().equals("reggae") && s.untagged()).findFirst().orElseThrow();
        Song accepted = songs.stream().filter(s -> s.genre().equals("jazz") && s.untagged()).findFirst().orElseThrow();

        CliRun decided = CliRun.of("review", "--db", db, "--min-confidence", "1", "--correct", reggae.file()
                + "=REGGAE", "--accept", accepted.file().toString());
        assertEquals(0, decided.exitCode(), decided.err());
        assertTrue(decided.out().contains("confirmed Reggae: " + reggae.file()), decided.out());
        assertTrue(decided.out().contains("confirmed " + predicted.get(accepted.file()) + ": " + accepted.file()),
                decided.out());
        CliRun fixed = CliRun.of("review", "--db", db, "--accept", mistagged.file().toString());
        assertEquals(0, fixed.exitCode(), fixed.err());
        assertTrue(fixed.out().contains("confirmed Metal: " + mistagged.file()), fixed.out());

        Path second = dir.resolve("head2.onnx");
        CliRun retrained = trainHead(second);
        assertTrue(retrained.err().contains("34 tracks in 6 genres with at least 3 tracks each; 9 tracks without "
                + "a genre"), "the corrected reggae song makes reggae learnable: " + retrained.err());
        assertFalse(retrained.err().contains(reggae.file().toString()), retrained.err());
        assertFalse(retrained.err().contains(accepted.file().toString()), retrained.err());
        assertEquals(List.of("classical", "hiphop", "jazz", "metal", "reggae", "rock"),
                ModelCard.read(ModelCard.cardPathFor(second)).labels());
        assertEquals(6, support(firstTraining, "metal"), firstTraining);
        assertEquals(6, support(retrained.out(), "metal"), "the correction wins over the Jazz tag: "
                + retrained.out());
        assertEquals(6 + (predicted.get(accepted.file()).equals("Jazz") ? 1 : 0), support(retrained.out(), "jazz"),
                retrained.out());
        long decidedInQueue = java.util.stream.Stream.of(reggae, accepted, mistagged)
                .filter(song -> queue.containsKey(song.file().toString())).count();
        assertEquals(queue.size() - decidedInQueue, review("0.5").size(), "a decided track leaves the queue");
        assertEquals(everything.size() - 2, review("1").size(), "decided tracks leave the queue");
    }

    /** The review queue at this threshold, by path. */
    private Map<String, JsonNode> review(String minConfidence) throws IOException {
        CliRun run = CliRun.of("review", "--db", db, "--json", "--limit", "0", "--min-confidence", minConfidence);
        assertEquals(0, run.exitCode(), run.err());
        Map<String, JsonNode> items = new LinkedHashMap<>();
        double previousScore = Double.MAX_VALUE;
        for (JsonNode item : new ObjectMapper().readTree(run.out())) {
            items.put(item.get("path").asText(), item);
            assertTrue(item.get("score").asDouble() <= previousScore, "most instructive first: " + run.out());
            previousScore = item.get("score").asDouble();
            assertTrue(DISPLAYED.contains(item.get("prediction").asText()), item.toString());
        }
        return items;
    }

    /** The cross-validation table's track count for a genre. */
    private static int support(String out, String genre) {
        Matcher m = Pattern.compile("(?m)^" + genre + " +[0-9.]+ +[0-9.]+ +[0-9.]+ +(\\d+)$").matcher(out);
        assertTrue(m.find(), out);
        return Integer.parseInt(m.group(1));
    }

    private CliRun trainHead(Path out) {
        CliRun run = CliRun.of("train", "--library", "--head", "--db", db, "--min-tracks", "3", "--folds", "2",
                "--from", "models/genre-cnn.onnx", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        return run;
    }

    private CliRun tagAppending(Path journal, String genre, List<String> files) {
        List<String> args = new ArrayList<>(List.of("tag", "--genre", genre, "--policy", "append", "--journal",
                journal.toString()));
        args.addAll(files);
        return CliRun.of(args.toArray(String[]::new));
    }

    /**
     * Five genres of eight clips each, trimmed, in the four formats in turn; three artists per genre (GTZAN numbers
     * an artist's clips together), an album each; and a sixth genre, reggae, with two tagged clips and one untagged.
     */
    private List<Song> library(Path genres, Path music) throws IOException {
        List<Song> songs = new ArrayList<>();
        int g = 0;
        for (Map.Entry<String, List<String>> genre : SPELLINGS.entrySet()) {
            int tagged = 0;
            for (int clip = 0; clip < 8; clip++) {
                String tag = UNTAGGED.contains(clip) ? null
                        : genre.getValue().get(tagged++ % genre.getValue().size());
                songs.add(song(genres, music, genre.getKey(), clip, FORMATS.get((g + clip) % FORMATS.size()), tag));
            }
            g++;
        }
        songs.add(song(genres, music, "reggae", 0, "mp3", "Reggae"));
        songs.add(song(genres, music, "reggae", 1, "ogg", "Reggae"));
        songs.add(song(genres, music, "reggae", 3, "flac", null)); // another artist: reggae can be cross-validated
        return songs;
    }

    private static Song song(Path genres, Path music, String genre, int clip, String format, String tag)
            throws IOException {
        String name = String.format(Locale.ROOT, "%s.%05d", genre, clip);
        Path source = genres.resolve(genre).resolve(name + (clip == 0 ? ".au" : ".wav"));
        String artist = title(genre) + " Artist " + clip / 3;
        Path target = music.resolve(title(genre) + " Artist " + clip / 3).resolve(name + "." + format);
        Files.createDirectories(target.getParent());
        List<String> args = new ArrayList<>(List.of(FfmpegEncoder.ffmpeg().toString(), "-nostdin", "-loglevel",
                "error", "-y", "-i", source.toString(), "-t", String.valueOf(SECONDS), "-metadata", "title=" + name,
                "-metadata", "artist=" + artist, "-metadata", "album=" + title(genre) + " Album " + clip / 3));
        if (tag != null) {
            args.addAll(List.of("-metadata", "genre=" + tag));
        }
        args.addAll(switch (format) {
            case "mp3" -> List.of("-c:a", "libmp3lame", "-b:a", "128k", "-f", "mp3");
            case "flac" -> List.of("-c:a", "flac", "-f", "flac");
            case "ogg" -> List.of("-c:a", "libvorbis", "-q:a", "4", "-f", "ogg");
            default -> List.of("-c:a", "aac", "-b:a", "128k", "-f", "ipod");
        });
        args.add(target.toString());
        FfmpegEncoder.run(args);
        return new Song(target.toAbsolutePath().normalize(), genre, tag, artist);
    }

    private static String title(String genre) {
        return genre.substring(0, 1).toUpperCase(Locale.ROOT) + genre.substring(1);
    }

    /** The scan keeps each file's genres as the map shows them: spellings merged, numbers named, lists split. */
    private void storedTagsAreTheMapsSpellings(List<Song> songs) {
        try (LibraryDatabase library = LibraryDatabase.open(Path.of(db))) {
            for (Song song : songs) {
                List<String> stored = library.tracks().find(song.file()).orElseThrow().tags().genres();
                List<String> expected = song.untagged() ? List.of() : "Rock;Pop".equals(song.tag())
                        ? List.of("Rock", "Pop") : List.of(genreMap.display(song.tag()));
                assertEquals(expected, stored, song.file() + " tagged " + song.tag());
            }
        }
    }

    /** "Hip-Hop (7)" headers, each followed by its tracks' paths indented. */
    private static Map<String, Set<String>> groups(CliRun list) {
        assertEquals(0, list.exitCode(), list.err());
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        String current = null;
        for (String line : list.out().lines().toList()) {
            if (line.startsWith("  ")) {
                groups.get(current).add(line.strip());
            } else {
                current = line.substring(0, line.lastIndexOf(" ("));
                groups.put(current, new HashSet<>());
            }
        }
        return groups;
    }

    private static double accuracy(String out) {
        Matcher m = Pattern.compile("no artist on both sides\\): accuracy ([0-9.]+)").matcher(out);
        assertTrue(m.find(), out);
        return Double.parseDouble(m.group(1));
    }

    private static long batch(String out) {
        Matcher m = Pattern.compile("in batch (\\d+)").matcher(out);
        assertTrue(m.find(), out);
        return Long.parseLong(m.group(1));
    }

    private static Set<String> paths(List<Song> songs) {
        Set<String> paths = new HashSet<>();
        songs.forEach(song -> paths.add(song.file().toString()));
        return paths;
    }

    private static Map<Path, byte[]> bytes(List<Song> songs) throws IOException {
        Map<Path, byte[]> bytes = new LinkedHashMap<>();
        for (Song song : songs) {
            bytes.put(song.file(), Files.readAllBytes(song.file()));
        }
        return bytes;
    }

    /**
     * What undo must give back: the tags as GenreLens and as ffprobe read them, each field's value exactly, and the
     * compressed audio packets. Not the bytes: a rewritten tag may order Vorbis comments, pad ID3 or MP4 tags and
     * terminate ID3v2.4 text differently, which no player sees.
     */
    private record FileState(TrackTags tags, Map<String, String> probed, String audioMd5) {
    }

    private FileState state(Path file) throws Exception {
        String md5 = new String(ffmpeg(List.of(FfmpegEncoder.ffmpeg().toString(), "-nostdin", "-v", "error", "-i",
                file.toString(), "-map", "0:a", "-c", "copy", "-f", "md5", "-")), StandardCharsets.UTF_8).strip();
        return new FileState(reader.read(file), probedTags(file), md5);
    }

    private static void assertUnchanged(Map<Path, byte[]> original, List<Song> songs) throws IOException {
        for (Song song : songs) {
            assertArrayEquals(original.get(song.file()), Files.readAllBytes(song.file()), song.file().toString());
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** The tags as ffprobe reads them (container and, for Ogg, stream tags): not JAudioTagger. */
    private static Map<String, String> probedTags(Path file) throws IOException, InterruptedException {
        JsonNode json = new ObjectMapper().readTree(ffmpeg(List.of("ffprobe", "-v", "error", "-show_entries",
                "format_tags:stream_tags", "-of", "json", file.toString())));
        Map<String, String> tags = new TreeMap<>();
        List<JsonNode> tagSets = new ArrayList<>(List.of(json.path("format").path("tags")));
        json.path("streams").forEach(stream -> tagSets.add(stream.path("tags")));
        for (JsonNode set : tagSets) {
            set.fields().forEachRemaining(field -> tags.put(field.getKey().toLowerCase(Locale.ROOT),
                    field.getValue().asText()));
        }
        return tags;
    }

    private static byte[] ffmpeg(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, command + ": " + new String(out,
                StandardCharsets.UTF_8));
        return out;
    }
}
