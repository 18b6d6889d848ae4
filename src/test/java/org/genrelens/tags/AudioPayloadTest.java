package org.genrelens.tags;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.genrelens.testing.FfmpegEncoder;
import org.genrelens.testing.TestAudio;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The payload helper finds the audio itself: all of the file but its headers, and different for different audio. */
class AudioPayloadTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"mp3", "flac", "ogg", "m4a", "wav", "aiff"})
    void thePayloadIsAllButTheHeadersAndDependsOnTheAudio(String format) throws Exception {
        Path a = encode(440, format, "a");
        Path b = encode(660, format, "b");

        byte[] payload = AudioPayload.of(a);

        // all but the headers: a Vorbis setup header (codebooks) is about 4 KiB, ffmpeg pads FLAC metadata by 8 KiB
        assertTrue(payload.length > Files.size(a) - 10_000, payload.length + " of " + Files.size(a));
        assertFalse(Arrays.equals(payload, AudioPayload.of(b)), "a different tone gives a different payload");
    }

    private Path encode(double hz, String format, String name) throws Exception {
        Path wav = TestAudio.writeWav(TestAudio.sine(hz, 1.5, 22_050, 0.5), 22_050, dir.resolve(name + "-src.wav"));
        if (format.equals("wav")) {
            return wav;
        }
        return FfmpegEncoder.encode(wav, format, dir.resolve(name + "." + format));
    }
}
