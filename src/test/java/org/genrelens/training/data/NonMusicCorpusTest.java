package org.genrelens.training.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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
    void writeOnceWritesTheCorpusOnceAndReusesItInTheSameOrder(@TempDir Path root, @TempDir Path plain)
            throws Exception {
        // a run killed while writing left a partial folder behind: it is never taken for the corpus, and deleted;
        // a run still writing (this process stands in for it) keeps its own
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path killed = Files.createDirectories(root.resolve(".partial-" + gone.pid() + "-77/not-music")).getParent();
        Path writing = Files.createDirectories(
                root.resolve(".partial-" + ProcessHandle.current().pid() + "-78/not-music")).getParent();

        List<LabeledClip> first = new NonMusicCorpus(Optional.empty(), 3L).writeOnce(root, 1, 2.0);
        FileTime written = Files.getLastModifiedTime(first.get(0).file());
        List<LabeledClip> again = new NonMusicCorpus(Optional.empty(), 3L).writeOnce(root, 1, 2.0);
        List<LabeledClip> direct = new NonMusicCorpus(Optional.empty(), 3L).write(plain, 1, 2.0);

        assertEquals(first, again, "the same clips, in the same place");
        assertEquals(written, Files.getLastModifiedTime(again.get(0).file()), "reused, not written again");
        assertEquals(direct.stream().map(c -> c.file().getFileName()).toList(),
                first.stream().map(c -> c.file().getFileName()).toList(), "write's order, so folds do not change");
        for (int i = 0; i < first.size(); i++) {
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(direct.get(i).file()),
                    Files.readAllBytes(first.get(i).file())), first.get(i).file().toString());
        }
        assertEquals(5, new NonMusicCorpus(Optional.empty(), 4L).writeOnce(root, 1, 2.0).size(),
                "another seed is another corpus");
        assertTrue(Files.notExists(killed), "the killed run's half-written corpus is deleted");
        assertTrue(Files.isDirectory(writing), "a running writer's folder is left alone");
        try (var entries = Files.list(root)) {
            assertEquals(3, entries.count(), "two corpora beside the running writer's folder");
        }
    }

    @Test
    void theSameSeedWritesTheSameSignals(@TempDir Path a, @TempDir Path b) throws Exception {
        List<LabeledClip> first = new NonMusicCorpus(Optional.empty(), 9L).write(a, 1, 2.0);
        List<LabeledClip> second = new NonMusicCorpus(Optional.empty(), 9L).write(b, 1, 2.0);
        for (int i = 0; i < first.size(); i++) {
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(first.get(i).file()),
                    Files.readAllBytes(second.get(i).file())), first.get(i).file().toString());
        }
    }

    @Test
    void aCorpusAnotherRunFinishedFirstIsKeptAndTheLateCopyDeleted(@TempDir Path root) throws Exception {
        // two processes writing the same corpus: the second rename fails with a plain "Directory not empty"
        Path finished = Files.createDirectories(root.resolve("v2-corpus"));
        Files.writeString(finished.resolve("first.txt"), "first run");
        Path late = Files.createDirectories(root.resolve(".partial-1-late"));
        Files.writeString(late.resolve("second.txt"), "second run");

        NonMusicCorpus.moveIntoPlace(late, finished);

        assertFalse(Files.exists(late));
        assertEquals("first run", Files.readString(finished.resolve("first.txt")));
        assertFalse(Files.exists(finished.resolve("second.txt")));
    }

    @Test
    void aMoveThatFailsWithoutAFinishedCorpusIsReported(@TempDir Path root) {
        Path missing = root.resolve(".partial-1-gone");
        assertThrows(java.io.IOException.class, () -> NonMusicCorpus.moveIntoPlace(missing, root.resolve("v2")));
        assertFalse(Files.exists(root.resolve("v2")));
    }

    private static double rms(float[] samples) {
        double sum = 0;
        for (float v : samples) {
            sum += v * v;
        }
        return Math.sqrt(sum / samples.length);
    }
}
