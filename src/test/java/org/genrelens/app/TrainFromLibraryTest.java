package org.genrelens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.genrelens.inference.ModelCard;
import org.genrelens.testing.FfmpegEncoder;
import org.genrelens.testing.TestAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12, item 3: `train --library` learns the genres a user tagged, by artist, and says what it left out. */
class TrainFromLibraryTest {

    @Test
    void trainsOnTheLibrarysTagsUnderTheMapsNamesAndLeavesOutSmallGenresByName(@TempDir Path dir)
            throws IOException {
        String db = tonesAndNoiseLibrary(dir);
        Path model = dir.resolve("mine.onnx");

        CliRun run = CliRun.of("train", "--library", "--db", db, "--min-tracks", "2", "--folds", "3", "--epochs",
                "2", "--channels", "4,8", "--bands", "32", "--hop-length", "1024", "--dense", "0", "--no-augment",
                "--out", model.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("12 tracks in 2 genres with at least 2 tracks each"), run.err());
        assertTrue(run.err().contains("not used: polka, 1 track(s), fewer than 2"), run.err());
        assertTrue(run.err().contains("no genre: ") && run.err().contains("untagged.wav"), run.err());
        assertEquals(List.of("electronic", "hiphop"), ModelCard.read(ModelCard.cardPathFor(model)).labels(),
                "spellings merged by the genre map into its canonical names");
        assertTrue(run.out().contains("3-fold-by-clip (track level, 12 clips)"), run.out());
    }

    /** Item 4: a head on the embeddings analysis stored, no decoding, written on the base model as one graph. */
    @Test
    void aHeadOnStoredEmbeddingsLearnsTheLibrarysGenresWithoutDecoding(@TempDir Path dir) throws IOException {
        String db = tonesAndNoiseLibrary(dir);
        Path base = Path.of("models", "genre-cnn.onnx");
        assertEquals(0, CliRun.of("analyze", "--db", db, "--model", base.toString(), "--jobs", "1").exitCode());
        // tagged after the analysis: in the training set, but with no embedding yet
        tagged(TestAudio.chord(new double[] {300, 375}, 6, 22_050, 0.5), dir, dir.resolve("music"), "late",
                "Late Band", "Hip-Hop");
        assertEquals(0, CliRun.of("scan", dir.resolve("music").toString(), "--db", db).exitCode());
        Path head = dir.resolve("head.onnx");

        CliRun run = CliRun.of("train", "--library", "--head", "--db", db, "--min-tracks", "2", "--folds", "3",
                "--from", base.toString(), "--out", head.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("not analysed by genre-cnn: ") && run.err().contains("late.mp3"), run.err());
        assertTrue(run.err().contains("not used: polka"), run.err());
        assertTrue(run.out().contains("3-fold-by-artist (track level, 12 tracks, no artist on both sides)"),
                run.out());
        assertTrue(run.out().contains("precision  recall") && run.out().contains("confusion"), run.out());
        ModelCard card = ModelCard.read(ModelCard.cardPathFor(head));
        assertEquals(List.of("electronic", "hiphop"), card.labels());
        assertEquals(ModelCard.read(ModelCard.cardPathFor(base)).sha256(), card.provenance().get("baseModelSha256"));

        Path chord = TestAudio.writeWav(TestAudio.chord(new double[] {260, 325}, 6, 22_050, 0.5), 22_050,
                dir.resolve("new-chord.wav"));
        Path hiss = TestAudio.writeWav(TestAudio.noise(6, 22_050, 0.15, 99), 22_050, dir.resolve("new-hiss.wav"));
        CliRun classified = CliRun.of("classify", "--model", head.toString(), chord.toString(), hiss.toString());
        assertEquals(0, classified.exitCode(), classified.err());
        String[] lines = classified.out().strip().split("\\R");
        // the genre is right; a new chord may still be marked uncertain when it is unlike the six tones learned
        assertTrue(lines[0].startsWith("hiphop") && lines[0].contains("new-chord.wav"), classified.out());
        assertTrue(lines[1].startsWith("electronic") && lines[1].contains("new-hiss.wav"), classified.out());
    }

    private static String tonesAndNoiseLibrary(Path dir) throws IOException {
        Path music = Files.createDirectories(dir.resolve("music"));
        Random random = new Random(5);
        // two genres by three artists each, tagged in mixed spellings; one genre with a single track; one untagged
        for (int artist = 0; artist < 3; artist++) {
            for (int t = 0; t < 2; t++) {
                double f = 200 + random.nextInt(600);
                tagged(TestAudio.chord(new double[] {f, f * 1.25}, 6, 22_050, 0.5), dir, music,
                        "tones-" + artist + "-" + t, "Tone Band " + artist, artist == 0 ? "Hip Hop" : "hip-hop");
                tagged(TestAudio.noise(6, 22_050, 0.1 + 0.1 * random.nextDouble(), 10 * artist + t), dir, music,
                        "noise-" + artist + "-" + t, "Noise Band " + artist, t == 0 ? "Electronic" : "electronica");
            }
        }
        tagged(TestAudio.sine(440, 6, 22_050, 0.5), dir, music, "polka", "Polka Band", "Polka");
        TestAudio.writeWav(TestAudio.sine(330, 6, 22_050, 0.5), 22_050, music.resolve("untagged.wav"));
        String db = dir.resolve("library.db").toString();
        assertEquals(0, CliRun.of("scan", music.toString(), "--db", db).exitCode());
        return db;
    }

    @Test
    void aGenreByOneArtistCannotBeCrossValidatedByArtist(@TempDir Path dir) throws IOException {
        Path music = Files.createDirectories(dir.resolve("music"));
        for (int t = 0; t < 3; t++) {
            tagged(TestAudio.sine(200 + 50 * t, 6, 22_050, 0.5), dir, music, "a" + t, "Only Band", "Jazz");
            tagged(TestAudio.noise(6, 22_050, 0.2, t), dir, music, "b" + t, "Band " + t, "Metal");
        }
        String db = dir.resolve("library.db").toString();
        CliRun.of("scan", music.toString(), "--db", db);

        CliRun run = CliRun.of("train", "--library", "--db", db, "--min-tracks", "2", "--folds", "2", "--epochs",
                "1", "--out", dir.resolve("x.onnx").toString());

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("genre 'jazz' has tracks by only one artist"), run.err());
    }

    private static void tagged(float[] mono, Path dir, Path music, String name, String artist, String genre)
            throws IOException {
        Path wav = TestAudio.writeWav(mono, 22_050, dir.resolve(name + ".wav"));
        FfmpegEncoder.run(List.of(FfmpegEncoder.ffmpeg().toString(), "-nostdin", "-v", "error", "-y", "-i",
                wav.toString(), "-metadata", "artist=" + artist, "-metadata",
                "genre=" + genre, "-codec:a", "libmp3lame", "-b:a", "128k", music.resolve(name + ".mp3").toString()));
    }
}
