package org.genrelens.training.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.features.DbReference;
import org.genrelens.features.FeatureSpec;
import org.genrelens.task.Cancellation;
import org.genrelens.task.ProgressListener;
import org.genrelens.testing.TestAudio;
import org.genrelens.training.sampling.SyntheticSpectra;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spectrum cache's files counted and deleted, and nothing else in the folder touched. */
class KeptSpectraTest {

    private static final FeatureSpec SPEC = SyntheticSpectra.smallSpec(DbReference.TILE_MAX);

    @Test
    void countsAndDeletesOnlyTheCachesOwnFiles(@TempDir Path data, @TempDir Path cache) throws Exception {
        List<LabeledClip> clips = List.of(
                new LabeledClip(TestAudio.writeWav(TestAudio.noise(2.5, 8_000, 0.2, 1), 8_000,
                        data.resolve("a.wav")), "noise"),
                new LabeledClip(TestAudio.writeWav(TestAudio.chord(new double[] {300, 450}, 2.5, 8_000, 0.5), 8_000,
                        data.resolve("b.wav")), "tones"));
        new SpectrumCache(new AudioDecoder(), SPEC, Optional.of(cache)).load(clips, List.of("noise", "tones"),
                ProgressListener.NONE, Cancellation.none());
        // a --cache pointed at a folder that also holds the user's files
        Path song = Files.writeString(cache.resolve("song.wav"), "not a spectrum");
        long spectrumBytes;
        try (var files = Files.list(cache)) {
            spectrumBytes = files.filter(f -> f.toString().endsWith(".spectrum")).mapToLong(f -> f.toFile().length())
                    .sum();
        }

        KeptSpectra kept = KeptSpectra.in(cache);
        assertEquals(2, kept.files());
        assertEquals(spectrumBytes, kept.bytes());
        assertTrue(SpectrumCache.describeKept(cache).orElseThrow().contains("(" + kept.size() + ")"));
        assertTrue(kept.size().matches("\\d+\\.\\d MB in 2 files"), kept.size());

        KeptSpectra deleted = KeptSpectra.delete(cache);

        assertEquals(kept, deleted);
        assertTrue(KeptSpectra.in(cache).isEmpty());
        assertTrue(Files.exists(song), "only spectra are deleted");
        assertTrue(Files.isDirectory(cache), "the folder stays");
        assertTrue(SpectrumCache.describeKept(cache).isEmpty());
    }

    @Test
    void sizesReadInGigabytesFromOneGigabyteOnAndInMegabytesBelow(@TempDir Path dir) {
        assertEquals("1.9 GB in 1,012 files", new KeptSpectra(dir, 1_012, 1_900_000_000L).size());
        assertEquals("4.2 MB in 12 files", new KeptSpectra(dir, 12, 4_200_000L).size());
    }

    @Test
    void aMissingFolderKeepsNothing(@TempDir Path dir) throws Exception {
        assertTrue(KeptSpectra.in(dir.resolve("never-made")).isEmpty());
        assertTrue(KeptSpectra.delete(dir.resolve("never-made")).isEmpty());
    }
}
