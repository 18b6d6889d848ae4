package org.genrelens.training.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.audio.DecodedAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NonMusicCorpusTest {

    private static Path espeak() {
        return NonMusicCorpus.findEspeak().orElseGet(() -> fail(
                "espeak-ng is needed to synthesise the speech of the not-music class; .ci/run installs it"));
    }

    @Test
    void writesEveryKindOfNonMusicAsDecodableAudibleClips(@TempDir Path dir) throws Exception {
        List<LabeledClip> clips = new NonMusicCorpus(Optional.of(espeak()), 5L).write(dir, 2, 6.0);

        assertEquals(12, clips.size(), "six kinds, two of each");
        AudioDecoder decoder = new AudioDecoder();
        for (LabeledClip clip : clips) {
            assertEquals(NonMusicCorpus.LABEL, clip.genre());
            DecodedAudio audio = decoder.decode(clip.file(), 22_050);
            String name = clip.file().getFileName().toString();
            if (name.startsWith("speech")) {
                assertTrue(audio.durationSeconds() > 3, name + " lasts " + audio.durationSeconds() + " s");
            } else {
                assertEquals(6.0, audio.durationSeconds(), 0.01, name);
            }
            if (!name.startsWith("quiet")) {
                assertTrue(rms(audio.samples()) > 0.005, name + " should be audible");
            }
        }
    }

    @Test
    void withoutEspeakThereIsNoSpeechButEverythingElse(@TempDir Path dir) throws Exception {
        List<LabeledClip> clips = new NonMusicCorpus(Optional.empty(), 5L).write(dir, 1, 3.0);

        assertEquals(5, clips.size());
        assertTrue(clips.stream().noneMatch(c -> c.file().getFileName().toString().startsWith("speech")));
    }

    @Test
    void theSameSeedWritesTheSameSignals(@TempDir Path a, @TempDir Path b) throws Exception {
        List<LabeledClip> first = new NonMusicCorpus(Optional.empty(), 9L).write(a, 1, 2.0);
        List<LabeledClip> second = new NonMusicCorpus(Optional.empty(), 9L).write(b, 1, 2.0);
        for (int i = 0; i < first.size(); i++) {
            assertTrue(java.util.Arrays.equals(java.nio.file.Files.readAllBytes(first.get(i).file()),
                    java.nio.file.Files.readAllBytes(second.get(i).file())), first.get(i).file().toString());
        }
    }

    private static double rms(float[] samples) {
        double sum = 0;
        for (float v : samples) {
            sum += v * v;
        }
        return Math.sqrt(sum / samples.length);
    }
}
