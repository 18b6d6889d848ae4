package org.genrelens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.genrelens.library.LibraryDatabase;
import org.genrelens.model.TrackPrediction;
import org.genrelens.tags.GenreMap;
import org.genrelens.tags.GenreMapFile;
import org.genrelens.tags.TagReader;
import org.genrelens.testing.FfmpegEncoder;
import org.genrelens.testing.TestAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenresCommandTest {

    @TempDir
    Path dir;

    @Test
    void listShowsTheBuiltInGenresAndJsonIsTheMapFilesOwnForm() throws Exception {
        String map = dir.resolve("genres.json").toString();
        CliRun list = CliRun.of("genres", "list", "--genres", map);
        assertEquals(ExitCodes.OK, list.exitCode(), list.err());
        assertTrue(list.out().contains("hiphop: Hip-Hop"), list.out());
        assertTrue(list.out().contains("techno: Techno  parents electronic"), list.out());

        CliRun json = CliRun.of("genres", "list", "--json", "--genres", map);
        Path copy = Files.writeString(dir.resolve("copy.json"), json.out());
        assertEquals(GenreMap.defaults(), GenreMapFile.read(copy));
        assertTrue(Files.notExists(Path.of(map)), "listing writes nothing");
    }

    @Test
    void editsAreSavedToTheMapFileAndRefusedEditsLeaveItAsItWas() throws Exception {
        Path file = dir.resolve("genres.json");
        String map = file.toString();
        ok("genres", "add", "shoegaze", "--display", "Shoegaze", "--genres", map);
        ok("genres", "alias", "shoegaze", "Dream Pop", "Shoegazing", "--genres", map);
        ok("genres", "parent", "shoegaze", "rock", "--genres", map);
        ok("genres", "parent", "Shoegaze", "Alternative Rock", "--genres", map);
        ok("genres", "display", "hip hop", "Hip Hop", "--genres", map);
        ok("genres", "merge", "rap", "hiphop", "--genres", map);
        ok("genres", "rename", "electronic", "Electronica", "--genres", map);
        ok("genres", "remove", "disco", "--genres", map);

        GenreMap saved = GenreMapFile.read(file);
        assertEquals("shoegaze", saved.require("dream-pop").name());
        assertEquals(List.of("Shoegaze", "Rock", "Alternative"), List.of(saved.display("shoegazing"),
                saved.ancestors("shoegaze").get(0), saved.ancestors("shoegaze").get(1)));
        assertEquals("Hip Hop", saved.display("rap"));
        assertEquals(List.of("Electronica"), saved.ancestors("techno"));
        assertTrue(saved.find("disco").isEmpty());

        String before = Files.readString(file);
        CliRun taken = CliRun.of("genres", "alias", "rock", "hip-hop", "--genres", map);
        assertEquals(ExitCodes.FAILURES, taken.exitCode());
        assertTrue(taken.err().contains("already means hiphop"), taken.err());
        CliRun unknown = CliRun.of("genres", "parent", "polka", "rock", "--genres", map);
        assertEquals(ExitCodes.FAILURES, unknown.exitCode());
        assertTrue(unknown.err().contains("no genre is spelled 'polka'"), unknown.err());
        assertEquals(before, Files.readString(file));
    }

    @Test
    void aDamagedMapFileIsRefusedWithTheKeyNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("genres.json"), "{\"genres\": [{\"name\": \"rock\", \"parent\": []}]}");
        CliRun list = CliRun.of("genres", "list", "--genres", file.toString());
        assertEquals(ExitCodes.FAILURES, list.exitCode());
        assertTrue(list.err().contains("genres[0].parent: unknown key"), list.err());
    }

    @Test
    void theScanStoresTagsThroughTheMapAndTheLibraryGroupsAndWritesDisplayNames() throws Exception {
        Path music = Files.createDirectories(dir.resolve("music"));
        Path wav = TestAudio.writeWav(TestAudio.sine(440, 2, 22_050, 0.5), 22_050, dir.resolve("tone.wav"));
        Path spaced = encode(wav, music.resolve("spaced.flac"), "hip hop");
        Path numbered = encode(wav, music.resolve("numbered.mp3"), "(17)");
        Path separated = encode(wav, music.resolve("separated.ogg"), "Rock;Pop");
        Path joined = encode(wav, music.resolve("joined.flac"), "HipHop");
        Path map = dir.resolve("genres.json");
        ok("genres", "display", "pop", "Pop Music!", "--genres", map.toString());
        Path db = dir.resolve("library.db");

        ok("scan", music.toString(), "--db", db.toString(), "--genres", map.toString());

        try (LibraryDatabase library = LibraryDatabase.open(db)) {
            assertEquals(List.of("Hip-Hop"), genresOf(library, spaced));
            assertEquals(List.of("Rock"), genresOf(library, numbered));
            assertEquals(List.of("Rock", "Pop Music!"), genresOf(library, separated));
            assertEquals(List.of("Hip-Hop"), genresOf(library, joined));
            long id = library.tracks().find(spaced.toAbsolutePath()).orElseThrow().id();
            library.analyses().save(id, "a".repeat(64), "b".repeat(64), new TrackPrediction(List.of("jazz",
                    "hiphop"), new float[] {0.1f, 0.9f}, new float[0][], false, false));
        }
        CliRun list = ok("list", "--by-genre", "--db", db.toString(), "--genres", map.toString());
        assertTrue(list.out().startsWith("Hip-Hop (1)\n  " + spaced.toAbsolutePath()), list.out());

        Path journal = dir.resolve("journal.jsonl");
        ok("tag", "--genre", "hiphop", "--policy", "overwrite", "--journal", journal.toString(), joined.toString());
        assertEquals(List.of("Hip-Hop"), new TagReader().read(joined).genres());
        ok("tag", "--genre", "techno", "--with-parents", "--policy", "overwrite", "--journal", journal.toString(),
                spaced.toString());
        assertEquals(List.of("Techno", "Electronic"), new TagReader().read(spaced).genres());
        CliRun again = ok("tag", "--genre", "hip-hop", "--policy", "append", "--journal", journal.toString(),
                joined.toString());
        assertTrue(again.out().contains("nothing to change"), again.out());
    }

    private static List<String> genresOf(LibraryDatabase library, Path file) {
        return library.tracks().find(file.toAbsolutePath()).orElseThrow().tags().genres();
    }

    private static Path encode(Path wav, Path target, String genre) throws Exception {
        String name = target.getFileName().toString();
        List<String> args = new ArrayList<>(List.of(FfmpegEncoder.ffmpeg().toString(), "-nostdin", "-loglevel",
                "error", "-y", "-i", wav.toString(), "-metadata", "genre=" + genre));
        args.addAll(name.endsWith(".mp3") ? List.of("-c:a", "libmp3lame", "-id3v2_version", "3")
                : name.endsWith(".ogg") ? List.of("-c:a", "libvorbis") : List.of("-c:a", "flac"));
        args.add(target.toString());
        FfmpegEncoder.run(args);
        return target;
    }

    private static CliRun ok(String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(ExitCodes.OK, run.exitCode(), run.out() + run.err());
        return run;
    }
}
