package org.genrelens.app;

import org.genrelens.app.library.ReviewCommand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.genrelens.library.ConfirmedGenreRepository;
import org.genrelens.library.LibraryDatabase;
import org.genrelens.testing.TaggedLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code genrelens review} on a library database the test scans and analyses. */
class ReviewCommandTest {

    @TempDir
    Path dir;

    /** Probabilities over rock, hiphop, jazz, classical. */
    private TaggedLibrary library() throws Exception {
        TaggedLibrary music = new TaggedLibrary(dir)
                .track("agrees.wav", List.of("Hip-Hop"), 0.02f, 0.9f, 0.05f, 0.03f)
                .track("mislabelled.wav", List.of("Rock"), 0.02f, 0.02f, 0.94f, 0.02f)
                .track("mild.wav", List.of("Klassik"), 0.05f, 0.05f, 0.6f, 0.3f)
                .track("torn.wav", List.of(), 0.45f, 0.05f, 0.4f, 0.1f)
                .track("sure.wav", List.of(), 0.9f, 0.03f, 0.04f, 0.03f);
        music.build();
        return music;
    }

    @Test
    void theQueueIsListedMostInstructiveFirstAsTextAndAsJson() throws Exception {
        TaggedLibrary music = library();

        CliRun text = run("review", "--db", db(music), "--genres", noMap());
        assertEquals(ExitCodes.OK, text.exitCode(), text.err());
        List<String> lines = text.out().lines().toList();
        assertEquals(4, lines.size(), text.out());
        assertEquals("1. UNSURE    0.950 " + music.path("torn.wav") + " (Artist - Title of torn.wav): no genre tag, "
                + "predicted Rock 45% (then Jazz 40%)", lines.get(0));
        assertTrue(lines.get(1).startsWith("2. DISAGREES 0.921 " + music.path("mislabelled.wav")), lines.get(1));
        assertTrue(lines.get(1).endsWith("tagged Rock, predicted Jazz 94% (then Classical 2%)"), lines.get(1));
        assertTrue(lines.get(2).startsWith("3. DISAGREES 0.420 " + music.path("mild.wav")), lines.get(2));
        assertTrue(lines.get(3).startsWith("3 of 3 track(s) to review"), lines.get(3));

        CliRun json = run("review", "--db", db(music), "--genres", noMap(), "--json", "--limit", "2");
        assertEquals(ExitCodes.OK, json.exitCode(), json.err());
        JsonNode items = new ObjectMapper().readTree(json.out());
        assertEquals(2, items.size(), "--limit");
        assertEquals(music.path("mislabelled.wav").toString(), items.get(1).get("path").asText());
        assertEquals("DISAGREES", items.get(1).get("kind").asText());
        assertEquals("Rock", items.get(1).get("tag").asText());
        assertEquals("Jazz", items.get(1).get("prediction").asText());
        assertEquals(0.94, items.get(1).get("confidence").asDouble(), 1e-6);
        assertEquals(0.9212, items.get(1).get("score").asDouble(), 1e-4);
        assertTrue(items.get(0).get("tag").isNull());

        CliRun strict = run("review", "--db", db(music), "--genres", noMap(), "--min-confidence", "0.95");
        assertTrue(strict.out().contains("2 of 2 track(s)") && !strict.out().contains("DISAGREES")
                && strict.out().contains("UNSURE    0.140 " + music.path("sure.wav")), "below 0.95 nothing "
                + "contradicts a tag, and a 90% prediction counts as unsure: " + strict.out());
    }

    @Test
    void decisionsAreStoredAsCorrectionsAndAPathOutsideTheQueueIsReportedWhileTheRestAreApplied() throws Exception {
        TaggedLibrary music = library();

        CliRun decided = run("review", "--db", db(music), "--genres", noMap(),
                "--accept", music.path("mislabelled.wav").toString(),
                "--correct", music.path("mild.wav") + "=hip hop music",
                "--skip", music.path("torn.wav").toString(),
                "--accept", music.path("agrees.wav").toString());

        assertEquals(ExitCodes.FAILURES, decided.exitCode(), decided.out());
        assertTrue(decided.err().contains(music.path("agrees.wav") + " is not in the review queue"), decided.err());
        assertTrue(decided.out().contains("confirmed Jazz: " + music.path("mislabelled.wav")), decided.out());
        assertEquals(Map.of("mislabelled.wav", "Jazz", "mild.wav", "Hip-Hop"), confirmed(music));
        CliRun after = run("review", "--db", db(music), "--genres", noMap());
        assertTrue(after.out().startsWith("nothing to review: every analysed track"), after.out());
    }

    @Test
    void interactiveReviewAsksAboutEachTrackInTurnAndStoresEachAnswerAtOnce() throws Exception {
        TaggedLibrary music = library();
        // torn: 'k' is refused (no tag), then corrected to Jazz; mislabelled: tag kept; then quit before mild
        String answers = "k\nc\njazz\nk\nq\n";

        CliRun run = interactive(answers, "review", "--db", db(music), "--genres", noMap(), "--interactive");

        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("2 of 3 decided"), run.out());
        assertEquals(Map.of("torn.wav", "Jazz", "mislabelled.wav", "Rock"), confirmed(music));
        CliRun left = run("review", "--db", db(music), "--genres", noMap());
        assertTrue(left.out().startsWith("1. DISAGREES 0.420 " + music.path("mild.wav")), left.out());
    }

    private Map<String, String> confirmed(TaggedLibrary music) {
        try (LibraryDatabase db = LibraryDatabase.open(music.database())) {
            return db.confirmedGenres().all().stream().collect(Collectors.toMap(
                    c -> c.path().getFileName().toString(), ConfirmedGenreRepository.Confirmed::genre));
        }
    }

    private static String db(TaggedLibrary music) {
        return music.database().toString();
    }

    /** A map file that does not exist: the built-in genres. */
    private String noMap() {
        return dir.resolve("genres.json").toString();
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static CliRun interactive(String answers, String... args) {
        CommandLine cli = Main.commandLine(new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                K made = CommandLine.defaultFactory().create(type);
                if (made instanceof ReviewCommand review) {
                    review.input = new BufferedReader(new StringReader(answers));
                }
                return made;
            }
        });
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new CliRun(cli.execute(args), out.toString(), err.toString());
    }
}
