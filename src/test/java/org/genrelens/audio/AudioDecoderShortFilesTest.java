package org.genrelens.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.genrelens.audio.AudioDecodeException.Reason;
import org.genrelens.task.Cancellation;
import org.genrelens.testing.FfmpegEncoder;
import org.genrelens.testing.TestAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Valid short files decode on every route: a codec's start-up (Vorbis's first packet, AAC priming, Opus pre-skip,
 * MP3 encoder delay) is not damage, however short the file.
 */
class AudioDecoderShortFilesTest {

    private static final int RATE = 44_100;
    private static final int TARGET = 22_050;

    @TempDir
    Path dir;

    /**
     * A short Vorbis file of a pure tone is the case from real libraries: ffmpeg decodes exactly 128 frames fewer
     * than its last granule position announces (its first packet), and that used to be reported as damage.
     */
    @ParameterizedTest(name = "{0} s of {1} via {2}")
    @CsvSource({
        "0.05,ogg,jvm", "0.15,ogg,jvm", "1.0,ogg,jvm",
        "0.05,ogg,jvm-then-ffmpeg", "0.15,ogg,jvm-then-ffmpeg", "1.0,ogg,jvm-then-ffmpeg",
        "0.05,ogg,ffmpeg-first", "0.15,ogg,ffmpeg-first", "1.0,ogg,ffmpeg-first",
        "0.05,mp3,jvm", "0.15,mp3,jvm", "1.0,mp3,jvm",
        "0.05,mp3,ffmpeg-first", "0.15,mp3,ffmpeg-first", "1.0,mp3,ffmpeg-first",
        "0.05,flac,jvm", "0.15,flac,ffmpeg-first",
        "0.05,m4a,jvm-then-ffmpeg", "0.15,m4a,ffmpeg-first", "1.0,m4a,ffmpeg-first",
        "0.05,opus,jvm-then-ffmpeg", "0.15,opus,ffmpeg-first", "1.0,opus,ffmpeg-first"})
    void aShortValidFileDecodesToItsLengthOnEveryRoute(double seconds, String format, String route) throws Exception {
        Path file = encodedTone(seconds, format);

        DecodedAudio audio = decoder(route).decode(file, TARGET);

        // AAC pads to whole 1024-sample frames; nothing else may come out longer or much shorter
        assertEquals(seconds + (format.equals("m4a") ? 0.012 : 0), audio.durationSeconds(), 0.025,
                format + " via " + route);
        assertTrue(SignalMeasure.bandShare(audio.samples(), TARGET, 440) > 0.3, "the tone is there");
    }

    /** The case itself, so the test above cannot pass by not meeting it: ffmpeg leaves out the first packet. */
    @Test
    void ffmpegDecodesAShortVorbisFileOneFirstPacketShortOfItsGranulePosition() throws Exception {
        Path ogg = encodedTone(0.15, "ogg");
        AudioDecoder.Inspected in = decoder("ffmpeg-first").inspect(ogg, true);

        PcmResult ffmpeg;
        try (Deadline deadline = Deadline.after(Duration.ofSeconds(30))) {
            ffmpeg = new FfmpegDecoder(FfmpegEncoder.ffmpeg()).decode(ogg, ContainerFormat.OGG_VORBIS, RATE,
                    PcmOutput.collecting(deadline), deadline, Cancellation.none());
        }

        assertEquals(Math.round(0.15 * RATE), in.structure().expectedFrames());
        assertEquals(in.structure().expectedFrames() - 128, ffmpeg.sourceFrames());
        assertEquals((256 + 2048) / 4, in.structure().startupFrames(), "block sizes 256 and 2048 at 44.1 kHz");
        assertTrue(in.structure().complete(ffmpeg.sourceFrames()));
        assertTrue(!in.structure().complete(in.structure().expectedFrames() - 600), "more is missing than start-up");
    }

    /**
     * The start-up allowance is one packet, not a share of the file: a Vorbis file whose last pages are lost inside
     * the stream (its end-of-stream page kept) still fails as damaged on every route.
     */
    @Test
    void aVorbisFileMissingPagesInTheMiddleIsStillDamagedOnEveryRoute() throws Exception {
        Path ogg = OggPages.withoutMiddlePages(encodedTone(12.0, "ogg"), dir.resolve("holes.ogg"));

        for (String route : List.of("jvm", "jvm-then-ffmpeg", "ffmpeg-first")) {
            AudioDecodeException e = assertThrows(AudioDecodeException.class,
                    () -> decoder(route).decode(ogg, TARGET), route);

            assertEquals(Reason.CORRUPT, e.reason(), route + ": " + e.getMessage());
            assertTrue(e.getMessage().contains("samples per channel but only"), e.getMessage());
        }
    }

    private Path encodedTone(double seconds, String format) throws IOException {
        float[] tone = TestAudio.sine(440, seconds, RATE, 0.5);
        Path wav = TestAudio.writeWav(tone, RATE, dir.resolve("tone-" + seconds + ".wav"));
        return FfmpegEncoder.encode(wav, format, dir.resolve("tone-" + seconds + "." + format));
    }

    /** jvm: no ffmpeg; jvm-then-ffmpeg: the Java decoders first, ffmpeg when they fail; ffmpeg-first: analysis's. */
    static AudioDecoder decoder(String route) {
        return switch (route) {
            case "jvm" -> new AudioDecoder(Optional.empty());
            case "jvm-then-ffmpeg" -> new AudioDecoder();
            case "ffmpeg-first" -> new AudioDecoder().preferringFfmpeg();
            default -> throw new IllegalArgumentException(route);
        };
    }
}
