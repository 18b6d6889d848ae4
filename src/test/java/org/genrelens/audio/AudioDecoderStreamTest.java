package org.genrelens.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.genrelens.task.Cancellation;
import org.genrelens.testing.FfmpegEncoder;
import org.genrelens.testing.TestAudio;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link AudioDecoder#stream}: the samples {@link AudioDecoder#decode} returns, handed over in chunks; the sink's
 * own work and failures are the caller's, not the file's.
 */
class AudioDecoderStreamTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} via {1}")
    @CsvSource({"wav, jvm", "wav, ffmpeg-first", "mp3, jvm", "mp3, ffmpeg-first", "ogg, jvm", "flac, ffmpeg-first",
        "m4a, ffmpeg-first"})
    void streamedChunksJoinIntoTheDecodedTrack(String format, String route) throws Exception {
        Path file = track(format, 9.5);
        AudioDecoder decoder = decoder(route);

        StreamedAudio<ChunkRecorder> streamed = decoder.stream(file, 22_050, ChunkRecorder::new,
                Cancellation.none());
        DecodedAudio whole = decoder.decode(file, 22_050);

        List<Integer> chunks = streamed.sink().chunks;
        assertArrayEquals(whole.samples(), streamed.sink().kept.samples());
        assertEquals(whole.samples().length, streamed.samples());
        assertEquals(whole.source(), streamed.source());
        assertTrue(chunks.size() > 1, "delivered in chunks, not at once: " + chunks.size());
        assertTrue(chunks.stream().allMatch(n -> n <= 1 << 16), "chunks stay small: " + chunks);
    }

    @ParameterizedTest(name = "via {0}")
    @CsvSource({"jvm", "ffmpeg-first"})
    void aSinkThatThrowsEndsTheDecodeWithItsOwnExceptionNotAsDamage(String route) throws Exception {
        Path file = track("mp3", 6);
        IllegalStateException bug = new IllegalStateException("a bug in the caller");

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> decoder(route).stream(file,
                22_050, () -> (samples, offset, count) -> {
                    throw bug;
                }, Cancellation.none()));

        assertSame(bug, thrown);
    }

    @ParameterizedTest(name = "via {0}")
    @CsvSource({"jvm", "ffmpeg-first"})
    void timeTheSinkSpendsDoesNotCountAgainstTheDecodersTimeLimit(String route) throws Exception {
        Path file = track("mp3", 6);
        boolean ffmpeg = route.equals("ffmpeg-first");
        AudioDecoder decoder = new AudioDecoder(ffmpeg ? Optional.of(FfmpegEncoder.ffmpeg()) : Optional.empty(),
                Duration.ofMillis(1500));
        AudioDecoder slowSinkDecoder = ffmpeg ? decoder.preferringFfmpeg() : decoder;

        StreamedAudio<PcmSink> streamed = slowSinkDecoder.stream(file, 22_050, () -> new PcmSink() {
            private int calls;

            @Override
            public void accept(float[] samples, int offset, int count) {
                if (calls++ < 5) {
                    sleep(600); // 3 s in all, twice the limit
                }
            }
        }, Cancellation.none());

        assertEquals(6.0, streamed.durationSeconds(), 0.1);
    }

    /** Keeps the samples and the size of each chunk they came in. */
    private static final class ChunkRecorder implements PcmSink {
        final SampleCollector kept = new SampleCollector();
        final List<Integer> chunks = new ArrayList<>();

        @Override
        public void accept(float[] samples, int offset, int count) {
            chunks.add(count);
            kept.accept(samples, offset, count);
        }
    }

    private Path track(String format, double seconds) throws Exception {
        float[] mono = TestAudio.chord(new double[] {220, 1_500}, seconds, 44_100, 0.6);
        Path wav = TestAudio.write(TestAudio.interleave(mono, 2), 2, 44_100,
                javax.sound.sampled.AudioFileFormat.Type.WAVE, dir.resolve(format + seconds + ".wav"));
        return format.equals("wav") ? wav : FfmpegEncoder.encode(wav, format, dir.resolve(seconds + "." + format));
    }

    private static AudioDecoder decoder(String route) {
        return switch (route) {
            case "jvm" -> new AudioDecoder(Optional.empty());
            case "ffmpeg-first" -> new AudioDecoder().preferringFfmpeg();
            default -> throw new IllegalArgumentException(route);
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
