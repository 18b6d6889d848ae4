package org.genrelens.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import javax.sound.sampled.AudioFileFormat;
import org.genrelens.audio.AudioDecodeException.Reason;
import org.genrelens.testing.FfmpegEncoder;
import org.genrelens.testing.TestAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Files whose bytes are overwritten with random data from 8 KB on ("early": the audio is gone) or over the middle
 * third ("middle"): every decode ends in time, with a typed error or with audio.
 */
class AudioDecoderDamagedDataTest {

    private static final double SECONDS = 12;
    private static final int RATE = 22_050; // GTZAN's rate; jflac hung on such files with garbage in them
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    /** jflac used to loop for ever on the first damaged frame; only the frames before it may reach it now. */
    @ParameterizedTest(name = "garbage {0}, decoder {1}")
    @CsvSource({"early,jvm", "early,jvm-then-ffmpeg", "early,ffmpeg-first", "middle,jvm", "middle,jvm-then-ffmpeg",
        "middle,ffmpeg-first"})
    void flacWithGarbageFailsInTimeAsCorruptWithTheAudioBeforeTheDamage(String where, String route)
            throws Exception {
        Path flac = damaged(encoded("flac"), where);
        AudioDecoder decoder = decoder(route);

        AudioDecodeException e = failsInTime(decoder, flac);

        assertEquals(Reason.CORRUPT, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains("a FLAC frame fails its checksum"), e.getMessage());
        if (where.equals("middle")) {
            double seconds = e.partialAudio().orElseThrow().durationSeconds();
            // the Java decoder stops at the damage (a third in); ffmpeg skips it and goes on after it
            assertTrue(seconds > 3 && seconds < SECONDS * 0.8, "audio before the damage: " + seconds + " s");
        }
    }

    /**
     * One flipped bit in a FLAC frame still decodes to plausible audio; only the frame's CRC-16 gives it away. The Java
     * decoder stops at that frame (CORRUPT); with ffmpeg, which decodes past it, the song comes back whole, and the
     * route that lets ffmpeg decode first (without walking the frames) must agree with the one that tries Java first.
     */
    @Test
    void flacWithOneFlippedBitIsJudgedAlikeOnTheFfmpegRoutes() throws Exception {
        Path flac = encoded("flac");
        byte[] bytes = Files.readAllBytes(flac);
        for (int offset : new int[] {bytes.length / 3, bytes.length / 2, 2 * bytes.length / 3}) {
            byte[] flipped = bytes.clone();
            flipped[offset] ^= 0x04;
            Path file = Files.write(dir.resolve("flipped-" + offset + ".flac"), flipped);

            AudioDecodeException e = failsInTime(decoder("jvm"), file);
            DecodedAudio javaFirst = decoder("jvm-then-ffmpeg").decode(file, 22_050);
            DecodedAudio ffmpegFirst = decoder("ffmpeg-first").decode(file, 22_050);

            assertEquals(Reason.CORRUPT, e.reason(), e.getMessage());
            assertTrue(e.getMessage().contains("a FLAC frame fails its checksum"), e.getMessage());
            assertEquals(SECONDS, javaFirst.durationSeconds(), 0.01);
            assertEquals(SECONDS, ffmpegFirst.durationSeconds(), 0.01);
            assertEquals(AudioSource.FFMPEG, ffmpegFirst.source().decoder());
        }
    }

    @ParameterizedTest(name = "{0} with garbage {1}")
    @CsvSource({"mp3,early", "mp3,middle", "ogg,early", "ogg,middle", "m4a,early", "m4a,middle", "opus,early",
        "opus,middle"})
    void compressedFileWithGarbageFinishesInTimeWithATypedErrorOrShorterAudio(String format, String where)
            throws Exception {
        Path file = damaged(encoded(format), where);
        AudioDecoder decoder = new AudioDecoder();

        Object outcome = assertTimeoutPreemptively(LIMIT, () -> {
            try {
                return decoder.decode(file, 22_050);
            } catch (AudioDecodeException e) {
                return e;
            }
        });

        if (outcome instanceof AudioDecodeException e) {
            assertTrue(Set.of(Reason.TRUNCATED, Reason.CORRUPT).contains(e.reason()), e.getMessage());
            assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        } else {
            // ffmpeg conceals damage in AAC and Opus packets and the container announces no length to check
            assertTrue(((DecodedAudio) outcome).durationSeconds() <= SECONDS + 0.1, "never longer than the song");
        }
    }

    /**
     * ffmpeg skips AAC packets it cannot decode and stops at a damaged Ogg page, exiting 0 either way; the length
     * the container announces (MP4's media header, Opus's last granule position) gives the damage away.
     */
    @ParameterizedTest(name = "{0} with garbage in the middle")
    @CsvSource({"m4a", "opus"})
    void m4aAndOpusWithGarbageInTheMiddleAreCorruptNotShorterSongs(String format) throws Exception {
        Path file = damaged(encoded(format), "middle");

        for (AudioDecoder decoder : List.of(new AudioDecoder(), new AudioDecoder().preferringFfmpeg())) {
            AudioDecodeException e = failsInTime(decoder, file);

            assertEquals(Reason.CORRUPT, e.reason(), e.getMessage());
            assertTrue(e.getMessage().contains("s its header announces could be decoded"), e.getMessage());
            assertTrue(e.partialAudio().orElseThrow().durationSeconds() < SECONDS * 0.9, e.getMessage());
        }
        DecodedAudio intact = new AudioDecoder().decode(encoded(format), 22_050);
        assertEquals(SECONDS, intact.durationSeconds(), 0.1);
    }

    /** Uncompressed PCM has no checksums: random bytes are noise of the same length, decoded like any file. */
    @ParameterizedTest(name = "{0} with garbage {1}")
    @CsvSource({"wav,early", "wav,middle", "aiff,early", "aiff,middle", "au,early", "au,middle"})
    void pcmFileWithGarbageDecodesToItsFullLength(String format, String where) throws Exception {
        Path file = damaged(encoded(format), where);

        DecodedAudio audio = assertTimeoutPreemptively(LIMIT, () -> new AudioDecoder().decode(file, 22_050));

        assertEquals(SECONDS, audio.durationSeconds(), 0.01);
        assertEquals(AudioSource.JVM, audio.source().decoder());
    }

    /** The watchdog serves every decode: one that runs out of time must not stop the next one's deadline. */
    @Test
    void damagedFilesDecodedOneAfterAnotherAllFailInTime() throws Exception {
        Path flac = damaged(encoded("flac"), "early"); // the file jflac looped on, holding the watchdog up
        Path m4a = encoded("m4a");
        AudioDecoder hangingFfmpeg = new AudioDecoder(Optional.of(fakeFfmpegThatHangs()), Duration.ofSeconds(2));

        AudioDecodeException first = failsInTime(hangingFfmpeg, flac);
        AudioDecodeException second = failsInTime(hangingFfmpeg, m4a);
        AudioDecodeException third = failsInTime(hangingFfmpeg, m4a);

        // the Java decoder finds no intact frame in the FLAC, so the (hanging) ffmpeg is tried as well
        assertEquals(Reason.TIMED_OUT, first.reason(), first.getMessage());
        assertEquals(Reason.TIMED_OUT, second.reason(), second.getMessage());
        assertEquals(Reason.TIMED_OUT, third.reason(), third.getMessage());
    }

    @Test
    void flacWithATagAppendedAfterItsLastFrameDecodesCompletely() throws Exception {
        Path flac = encoded("flac");
        byte[] tag = new byte[128];
        System.arraycopy("TAG".getBytes(StandardCharsets.US_ASCII), 0, tag, 0, 3);
        Files.write(flac, tag, java.nio.file.StandardOpenOption.APPEND);

        DecodedAudio audio = assertTimeoutPreemptively(LIMIT,
                () -> new AudioDecoder(Optional.empty()).decode(flac, 22_050));

        assertEquals(SECONDS, audio.durationSeconds(), 0.01);
    }

    @Test
    void flacCutAtAFrameBoundaryIsTruncated() throws Exception {
        Path flac = encoded("flac");
        byte[] bytes = Files.readAllBytes(flac);
        int cut = bytes.length / 2;
        while (!((bytes[cut] & 0xFF) == 0xFF && (bytes[cut + 1] & 0xFE) == 0xF8)) {
            cut++; // the next frame sync; inside frame data it would also do: both ways the file is cut short
        }
        Path half = Files.write(dir.resolve("half.flac"), Arrays.copyOf(bytes, cut));

        for (String route : List.of("jvm", "ffmpeg-first")) {
            AudioDecodeException e = failsInTime(decoder(route), half);

            assertEquals(Reason.TRUNCATED, e.reason(), route + ": " + e.getMessage());
            assertEquals(SECONDS / 2, e.partialAudio().orElseThrow().durationSeconds(), 1.0, route);
        }
    }

    /**
     * The codec start-up allowed for short files must not let real damage through: a Vorbis or MP3 file cut in
     * half is truncated on every route (the Ogg end-of-stream page or the Xing byte count is missing).
     */
    @ParameterizedTest(name = "{0} cut in half via {1}")
    @CsvSource({"ogg,jvm", "ogg,jvm-then-ffmpeg", "ogg,ffmpeg-first", "mp3,jvm", "mp3,jvm-then-ffmpeg",
        "mp3,ffmpeg-first"})
    void vorbisAndMp3CutInHalfAreTruncatedOnEveryRoute(String format, String route) throws Exception {
        byte[] bytes = Files.readAllBytes(encoded(format));
        Path half = Files.write(dir.resolve("half." + format), Arrays.copyOf(bytes, bytes.length / 2));

        AudioDecodeException e = failsInTime(decoder(route), half);

        assertEquals(Reason.TRUNCATED, e.reason(), route + ": " + e.getMessage());
    }

    /**
     * A flipped bit in an Ogg page breaks the page's checksum: the Java decoder drops the page, says why and comes
     * out short, so the file is damaged on every route (ffmpeg, which decodes the page, is tried and also refused).
     */
    @ParameterizedTest(name = "via {0}")
    @CsvSource({"jvm", "jvm-then-ffmpeg", "ffmpeg-first"})
    void vorbisWithOneFlippedBitIsDamagedOnEveryRoute(String route) throws Exception {
        byte[] bytes = Files.readAllBytes(encoded("ogg"));
        bytes[bytes.length / 2] ^= 0x04;
        Path flipped = Files.write(dir.resolve("flipped.ogg"), bytes);

        AudioDecodeException e = failsInTime(decoder(route), flipped);

        assertEquals(Reason.CORRUPT, e.reason(), route + ": " + e.getMessage());
        assertTrue(e.getMessage().contains("samples per channel but only"), e.getMessage());
    }

    /** jvm: no ffmpeg; jvm-then-ffmpeg: the Java decoders first, ffmpeg when they fail; ffmpeg-first: analysis's. */
    private static AudioDecoder decoder(String route) {
        return switch (route) {
            case "jvm" -> new AudioDecoder(Optional.empty());
            case "jvm-then-ffmpeg" -> new AudioDecoder();
            case "ffmpeg-first" -> new AudioDecoder().preferringFfmpeg();
            default -> throw new IllegalArgumentException(route);
        };
    }

    private AudioDecodeException failsInTime(AudioDecoder decoder, Path file) {
        AudioDecodeException e = assertTimeoutPreemptively(LIMIT,
                () -> assertThrows(AudioDecodeException.class, () -> decoder.decode(file, 22_050)));
        assertEquals(file, e.file());
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains(e.reason().words()),
                e.getMessage());
        return e;
    }

    /** A chord with noise (music-like, so lossless coding leaves real frames), in the given format. */
    private Path encoded(String format) throws IOException {
        float[] music = TestAudio.chord(new double[] {220, 330, 440}, SECONDS, RATE, 0.5);
        float[] noise = TestAudio.noise(SECONDS, RATE, 0.2, 3);
        for (int i = 0; i < music.length; i++) {
            music[i] += noise[i];
        }
        Path target = dir.resolve("music." + format);
        return switch (format) {
            case "wav" -> TestAudio.writeWav(music, RATE, target);
            case "aiff" -> TestAudio.write(music, 1, RATE, AudioFileFormat.Type.AIFF, target);
            case "au" -> TestAudio.write(music, 1, RATE, AudioFileFormat.Type.AU, target);
            default -> FfmpegEncoder.encode(TestAudio.writeWav(music, RATE, dir.resolve("source.wav")), format,
                    target);
        };
    }

    /** Overwrites the file from 8 KB to its end ("early") or its middle third ("middle") with seeded noise. */
    private Path damaged(Path file, String where) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int from = where.equals("early") ? 8192 : bytes.length / 3;
        int to = where.equals("early") ? bytes.length : 2 * bytes.length / 3;
        Random random = new Random(1);
        for (int i = from; i < to; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        String name = file.getFileName().toString();
        return Files.write(dir.resolve("damaged-" + where + "-" + name), bytes);
    }

    private Path fakeFfmpegThatHangs() throws IOException {
        Path fake = dir.resolve("ffmpeg");
        Files.writeString(fake, "#!/bin/sh\nif [ \"$1\" = -version ]; then echo 'ffmpeg version fake'; exit 0; fi\n"
                + "exec sleep 60\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        return fake;
    }
}
