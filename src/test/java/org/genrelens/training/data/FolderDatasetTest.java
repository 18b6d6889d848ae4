package org.genrelens.training.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.genrelens.testing.TestAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderDatasetTest {

    private static final Set<String> AUDIO = Set.of("wav");

    @TempDir
    Path dir;

    @Test
    void genreFoldersAndFilesReachedThroughLinksAreScannedUnderTheirLinkedNames() throws IOException {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere/jazz-albums"));
        wav(elsewhere.resolve("a.wav"));
        Path rockFiles = Files.createDirectories(dir.resolve("elsewhere/rock-files"));
        wav(rockFiles.resolve("real.wav"));
        Path dataset = Files.createDirectories(dir.resolve("dataset"));
        Files.createSymbolicLink(dataset.resolve("jazz"), elsewhere);
        Path rock = Files.createDirectories(dataset.resolve("rock"));
        wav(rock.resolve("b.wav"));
        Files.createSymbolicLink(rock.resolve("linked.wav"), rockFiles.resolve("real.wav"));

        List<LabeledClip> clips = FolderDataset.scan(dataset, AUDIO);

        assertEquals(List.of(new LabeledClip(dataset.resolve("jazz/a.wav"), "jazz"),
                new LabeledClip(rock.resolve("b.wav"), "rock"), new LabeledClip(rock.resolve("linked.wav"), "rock")),
                clips);
    }

    @Test
    void aLinkBackIntoTheGenreFolderIsReportedNotWalkedForever() throws IOException {
        Path blues = Files.createDirectories(dir.resolve("dataset/blues"));
        wav(blues.resolve("a.wav"));
        Files.createSymbolicLink(blues.resolve("again"), blues);

        IOException e = assertThrows(IOException.class, () -> FolderDataset.scan(dir.resolve("dataset"), AUDIO));

        assertTrue(e.getMessage().contains("links back into itself"), e.getMessage());
        assertTrue(e.getMessage().contains(blues.toString()), e.getMessage());
    }

    @Test
    void foldersWithoutAudioAreRefusedWithTheLayoutExpected() throws IOException {
        Files.createDirectories(dir.resolve("dataset/empty-genre"));

        IOException e = assertThrows(IOException.class, () -> FolderDataset.scan(dir.resolve("dataset"), AUDIO));

        assertTrue(e.getMessage().contains("no audio files in genre folders"), e.getMessage());
    }

    private static void wav(Path file) throws IOException {
        TestAudio.writeWav(TestAudio.sine(440, 1, 22_050, 0.5), 22_050, file);
    }
}
