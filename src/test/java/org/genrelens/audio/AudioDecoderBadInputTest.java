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
import java.util.Optional;
import java.util.Random;
import org.genrelens.audio.AudioDecodeException.Reason;
import org.genrelens.testing.FfmpegEncoder;
import org.genrelens.testing.TestAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AudioDecoderBadInputTest {

    @TempDir
    Path dir;

    private final AudioDecoder decoder = new AudioDecoder();

    @Test
    void zeroByteFileIsEmpty() throws Exception {
        Path file = Files.createFile(dir.resolve("nothing.wav"));
        assertFails(decoder, file, Reason.EMPTY);
    }

    @ParameterizedTest(name = "random bytes named .{0}")
    @ValueSource(strings = {"wav", "mp3", "flac", "ogg", "m4a", "opus", "ac3", "aac", "mp2", "dts", "amr", "bin"})
    void randomBytesAreNotAudioWhateverTheirName(String extension) throws Exception {
        for (long seed = 1; seed <= 5; seed++) {
            byte[] bytes = new byte[200_000];
            new Random(seed).nextBytes(bytes);
            Path file = Files.write(dir.resolve("noise" + seed + "." + extension), bytes);

            // ffmpeg is asked about content no signature matches, and must not pass noise off as audio
            AudioDecodeException withFfmpeg = assertFails(decoder, file, Reason.NOT_AUDIO);
            assertFails(new AudioDecoder(Optional.empty()), file, Reason.NOT_AUDIO);

            assertTrue(withFfmpeg.getMessage().contains("ffmpeg does not read it as audio either"),
                    withFfmpeg.getMessage());
        }
    }

    @Test
    void textNamedMp3IsNotAudio() throws Exception {
        Path file = Files.writeString(dir.resolve("lyrics.mp3"), "Woke up this morning\n".repeat(500));

        AudioDecodeException e = assertFails(decoder, file, Reason.NOT_AUDIO);

        assertTrue(e.getMessage().contains("text"), e.getMessage());
    }

    @ParameterizedTest(name = "{0} cut to {1}")
    @CsvSource({"wav,header", "wav,half", "mp3,header", "mp3,half", "flac,header", "flac,half", "ogg,header",
        "ogg,half", "m4a,half"})
    void cutFilesAreTruncated(String format, String cut) throws Exception {
        Path whole = encodedTone(format);
        byte[] bytes = Files.readAllBytes(whole);
        int keep = cut.equals("half") ? bytes.length / 2 : headerLength(format, bytes);
        Path file = Files.write(dir.resolve("cut-" + cut + "." + format), Arrays.copyOf(bytes, keep));

        AudioDecodeException e = assertFails(decoder, file, Reason.TRUNCATED);

        if (cut.equals("half") && !format.equals("m4a")) {
            DecodedAudio partial = e.partialAudio().orElseThrow();
            assertTrue(partial.durationSeconds() > 1.0 && partial.durationSeconds() < 4.0,
                    "about half of 5 s was decodable: " + partial.durationSeconds());
        }
    }

    @Test
    void directoryIsUnreadable() throws Exception {
        Path directory = Files.createDirectory(dir.resolve("x.wav"));
        assertFails(decoder, directory, Reason.UNREADABLE);
    }

    @Test
    void missingFileIsNotFound() {
        assertFails(decoder, dir.resolve("gone.mp3"), Reason.NOT_FOUND);
    }

    @Test
    void m4aWithoutFfmpegAsksToInstallIt() throws Exception {
        Path m4a = encodedTone("m4a");
        AudioDecoder jvmOnly = new AudioDecoder(Optional.empty());

        AudioDecodeException e = assertFails(jvmOnly, m4a, Reason.UNSUPPORTED_FORMAT);

        assertTrue(e.getMessage().contains(
                "install ffmpeg (e.g. `apt install ffmpeg`) and make sure it is on PATH to read .m4a"), e.getMessage());
        assertTrue(!jvmOnly.canDecode(m4a) && jvmOnly.canDecode(Path.of("a.mp3")));
    }

    @Test
    void wavVariantTheJvmCannotReadWithoutFfmpegIsUnsupported() throws Exception {
        Path adpcm = FfmpegEncoder.encode(tone(), "wav-adpcm", dir.resolve("adpcm.wav"));

        AudioDecodeException e = assertFails(new AudioDecoder(Optional.empty()), adpcm, Reason.UNSUPPORTED_FORMAT);

        assertTrue(e.getMessage().contains("install ffmpeg"), e.getMessage());
    }

    /**
     * vorbisspi stopped early on some streams (here: a pure tone, whose small pages it left in its buffer at the end
     * of the file) and the file was reported damaged without ffmpeg; JOrbis, driven page by page, reads them all.
     */
    @Test
    void vorbisStreamOfSmallPagesDecodesCompletelyOnTheJvm() throws Exception {
        Path ogg = FfmpegEncoder.encode(TestAudio.writeWav(TestAudio.sine(1000, 3, 44_100, 0.5), 44_100,
                dir.resolve("pure.wav")), "ogg", dir.resolve("pure.ogg"));

        DecodedAudio audio = new AudioDecoder(Optional.empty()).decode(ogg, 22_050);

        assertEquals(AudioSource.JVM, audio.source().decoder());
        assertEquals(3.0, audio.durationSeconds(), 0.001);
        assertEquals(SignalMeasure.rmsDb(TestAudio.sine(1000, 3, 22_050, 0.5)), SignalMeasure.rmsDb(audio.samples()),
                0.5);
    }

    @Test
    void hangingFfmpegIsKilledAtTheDeadline() throws Exception {
        Path fake = dir.resolve("ffmpeg");
        Files.writeString(fake, "#!/bin/sh\nif [ \"$1\" = -version ]; then echo 'ffmpeg version fake'; exit 0; fi\n"
                + "exec sleep 60\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        AudioDecoder slow = new AudioDecoder(Optional.of(fake), Duration.ofSeconds(2));

        AudioDecodeException e = assertFails(slow, encodedTone("m4a"), Reason.TIMED_OUT);

        assertTrue(e.getMessage().contains("took too long"), e.getMessage());
    }

    @Test
    void invalidTargetRateIsRejected() throws Exception {
        Path wav = tone();
        assertThrows(IllegalArgumentException.class, () -> decoder.decode(wav, 1000));
    }

    private Path tone() throws IOException {
        return TestAudio.writeWav(TestAudio.chord(new double[] {440, 1000}, 5, 44_100, 0.6), 44_100,
                dir.resolve("tone.wav"));
    }

    private Path encodedTone(String format) throws IOException {
        Path wav = tone();
        return format.equals("wav") ? wav : FfmpegEncoder.encode(wav, format, dir.resolve("tone." + format));
    }

    /** Bytes up to (and a little into) the first audio data: the file looks fine until it ends. */
    private static int headerLength(String format, byte[] bytes) {
        return switch (format) {
            case "wav" -> 44;
            case "mp3" -> 1_000; // ID3 tag, Info frame, the start of the first audio frame
            case "flac" -> 42;   // "fLaC" and STREAMINFO, nothing after
            case "ogg" -> 4_000; // identification, comment and setup headers
            default -> throw new IllegalArgumentException(format);
        };
    }

    static AudioDecodeException assertFails(AudioDecoder decoder, Path file, Reason reason) {
        AudioDecodeException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(AudioDecodeException.class, () -> decoder.decode(file, 22_050)));
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals(file, e.file());
        assertTrue(e.getMessage().contains(file.toString()), "message names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(reason.words()), "message says why: " + e.getMessage());
        return e;
    }
}
