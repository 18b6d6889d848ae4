package org.genrelens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.genrelens.library.Analysis;
import org.genrelens.library.LibraryDatabase;
import org.genrelens.library.Track;
import org.genrelens.library.TrackStatus;
import org.genrelens.testing.ChildJvm;
import org.genrelens.testing.FfmpegEncoder;
import org.genrelens.testing.TestAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 500 damaged and crafted files through {@code scan} and {@code analyze} in a JVM with a 256 MB heap: nothing
 * crashes or runs out of memory (a size read from a file is checked against the file before anything is allocated
 * for it), nothing hangs past the per-file deadline, and every file ends with a reported outcome.
 */
class MutatedFilesFuzzTest {

    private static final int FILES = 500;
    private static final long SEED = 20_11_07;
    private static final List<String> HEAP = List.of("-Xmx256m");
    /** The decoder's deadline for a small file (AudioDecoder: 10 s plus 8 s per MB). */
    private static final int DEADLINE_SECONDS = 10;

    @TempDir
    Path tmp;

    @Test
    void fiveHundredMutatedFilesAreEachReportedWithoutCrashHangOrRunningOutOfMemory() throws Exception {
        List<Path> seeds = seeds(Files.createDirectories(tmp.resolve("seeds")));
        Path fuzz = Files.createDirectories(tmp.resolve("fuzz"));
        FileMutator mutator = new FileMutator(SEED);
        FileMutator.Kind[] kinds = FileMutator.Kind.values();
        List<Path> mutated = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            Path seed = seeds.get(i % seeds.size());
            Path other = seeds.get((i / seeds.size() + 1 + i) % seeds.size());
            FileMutator.Kind kind = kinds[(i / seeds.size()) % kinds.length];
            String name = seed.getFileName().toString();
            Path target = fuzz.resolve(String.format("%03d-%s-%s", i, kind.name().toLowerCase(), name));
            Files.write(target, mutator.mutate(Files.readAllBytes(seed), kind, Files.readAllBytes(other)));
            mutated.add(target);
        }
        Path db = tmp.resolve("lib.db");
        // the contract: no file takes longer than its decode deadline, so neither can the whole run
        int bound = FILES * DEADLINE_SECONDS;

        ChildJvm scan = ChildJvm.start("org.genrelens.app.Main", HEAP, List.of("scan", fuzz.toString(), "--db",
                db.toString()), tmp.resolve("scan.log"));
        int scanExit = scan.waitFor(bound);
        assertHealthy(scan.output());
        assertTrue(scanExit == ExitCodes.OK || scanExit == ExitCodes.FAILURES, scan.output());

        ChildJvm analyze = ChildJvm.start("org.genrelens.app.Main", HEAP, List.of("analyze", "--db", db.toString(),
                "--model", Path.of("models/genre-cnn.onnx").toAbsolutePath().toString()), tmp.resolve("analyze.log"));
        int analyzeExit = analyze.waitFor(bound);
        assertHealthy(analyze.output());
        assertTrue(analyzeExit == ExitCodes.OK || analyzeExit == ExitCodes.FAILURES, analyze.output());

        try (LibraryDatabase library = LibraryDatabase.open(db)) {
            Map<Path, Track> tracks = library.tracks().all().stream()
                    .collect(Collectors.toMap(Track::path, t -> t));
            Map<Long, Analysis> analyses = library.analyses().latestPerTrack();
            List<String> unreported = new ArrayList<>();
            int present = 0;
            for (Path file : mutated) {
                Track track = tracks.get(file.toAbsolutePath().normalize());
                if (track == null) {
                    unreported.add(file.getFileName() + ": not in the library");
                } else if (track.status() == TrackStatus.UNREADABLE) {
                    assertFalse(track.reason() == null || track.reason().isBlank(), file.toString());
                } else if (track.status() == TrackStatus.PRESENT) {
                    present++;
                    Analysis analysis = analyses.get(track.id());
                    if (analysis == null) {
                        unreported.add(file.getFileName() + ": scanned as audio but never analysed");
                    } else if (analysis.status() == Analysis.Status.FAILED) {
                        assertFalse(analysis.error().isBlank(), file.toString());
                    }
                } else {
                    unreported.add(file.getFileName() + ": " + track.status());
                }
            }
            assertEquals(List.of(), unreported);
            assertTrue(present > FILES / 10, "the mutations left too few files readable to test the analysis: "
                    + present);
            assertEquals(List.of(), library.integrityProblems());
        }
    }

    /** A crash or an OutOfMemoryError shows as a stack trace, even where a command catches it and goes on. */
    private static void assertHealthy(String output) {
        assertFalse(output.contains("OutOfMemoryError"), output);
        assertFalse(output.contains("Exception in thread"), output);
        assertFalse(output.contains("StackOverflowError"), output);
    }

    /** A short chord in every format the library reads well, an M4B with chapters and a FLAC with a picture. */
    private static List<Path> seeds(Path dir) throws IOException {
        Path wav = TestAudio.writeWav(TestAudio.chord(new double[] {196, 247, 294}, 2, 22_050, 0.5), 22_050,
                dir.resolve("seed.wav"));
        List<Path> seeds = new ArrayList<>(List.of(wav));
        for (String format : List.of("mp3", "flac", "ogg", "m4a", "aiff")) {
            seeds.add(FfmpegEncoder.encode(wav, format, dir.resolve("seed." + format)));
        }
        Path chapters = Files.writeString(dir.resolve("chapters.txt"), ";FFMETADATA1\ntitle=Book\n"
                + "[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=1000\ntitle=One\n"
                + "[CHAPTER]\nTIMEBASE=1/1000\nSTART=1000\nEND=2000\ntitle=Two\n");
        Path book = dir.resolve("seed.m4b");
        FfmpegEncoder.run(List.of(FfmpegEncoder.ffmpeg().toString(), "-nostdin", "-loglevel", "error", "-y", "-i",
                wav.toString(), "-i", chapters.toString(), "-map_metadata", "1", "-map_chapters", "1", "-c:a", "aac",
                "-b:a", "64k", "-f", "ipod", book.toString()));
        seeds.add(book);
        Path cover = dir.resolve("cover.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", cover.toFile());
        Path pictured = dir.resolve("seed-picture.flac");
        FfmpegEncoder.run(List.of(FfmpegEncoder.ffmpeg().toString(), "-nostdin", "-loglevel", "error", "-y", "-i",
                wav.toString(), "-i", cover.toString(), "-map", "0", "-map", "1", "-c:a", "flac", "-c:v", "copy",
                "-disposition:v", "attached_pic", "-metadata", "genre=Jazz", pictured.toString()));
        seeds.add(pictured);
        return seeds;
    }
}
