package org.genrelens.training.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.features.DbReference;
import org.genrelens.features.FeatureSpec;
import org.genrelens.features.TileExtractor;
import org.genrelens.task.Cancellation;
import org.genrelens.task.CancelledException;
import org.genrelens.task.ProgressListener;
import org.genrelens.testing.TestAudio;
import org.genrelens.training.sampling.Augmentation;
import org.genrelens.training.sampling.Batch;
import org.genrelens.training.sampling.SyntheticSpectra;
import org.genrelens.training.sampling.TileSampler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpectrumCacheTest {

    private static final FeatureSpec SPEC = SyntheticSpectra.smallSpec(DbReference.TILE_MAX);
    private static final List<String> LABELS = List.of("noise", "tones");

    @TempDir
    Path data;

    private final AudioDecoder decoder = new AudioDecoder();
    private List<LabeledClip> clips;
    private Path broken;

    /** Three tone and three noise clips of 2.5 s at 8 kHz, and one ".wav" that holds text. */
    @BeforeEach
    void generateDataset() throws IOException {
        Random random = new Random(5);
        clips = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            double root = 200 + random.nextInt(300);
            Path tones = TestAudio.writeWav(TestAudio.chord(new double[] {root, root * 1.5}, 2.5, 8_000, 0.5),
                    8_000, data.resolve("tones." + i + ".wav"));
            Path noise = TestAudio.writeWav(TestAudio.noise(2.5, 8_000, 0.2, i), 8_000,
                    data.resolve("noise." + i + ".wav"));
            clips.add(new LabeledClip(tones, "tones"));
            clips.add(new LabeledClip(noise, "noise"));
        }
        broken = Files.writeString(data.resolve("noise.broken.wav"), "this is not audio at all");
        clips.add(3, new LabeledClip(broken, "noise"));
    }

    private List<LabeledClip> readable() {
        return clips.stream().filter(c -> !c.file().equals(broken)).toList();
    }

    @Test
    void aCorruptClipIsSkippedWithItsReasonAndTheOthersLoadInOrder() throws Exception {
        CachedDataset dataset = new SpectrumCache(decoder, SPEC, Optional.empty())
                .load(clips, LABELS, ProgressListener.NONE, Cancellation.none());

        assertEquals(readable(), dataset.labeledClips());
        assertEquals(1, dataset.skipped().size());
        String reason = dataset.skipped().get(0);
        assertTrue(reason.contains("noise.broken.wav") && reason.contains("text"), reason);
        for (CachedClip clip : dataset.clips()) {
            assertEquals(LABELS.indexOf(clip.clip().genre()), clip.label());
            float[] pcm = decoder.decode(clip.clip().file(), SPEC.sampleRate()).samples();
            assertArrayEquals(new TileExtractor(SPEC).extract(pcm).data(),
                    new TileSampler(SPEC, Augmentation.none()).evaluationTiles(clip).data(),
                    "evaluation tiles of the cached spectrum equal extract() of the decoded PCM");
        }
    }

    @Test
    void withoutADiskCacheSpectraBeyondTheMemoryBudgetAreRefusedSayingWhatTheyNeedAndWhatToDo() throws Exception {
        long oneClip = oneClipBytes();

        SpectraExceedMemoryException refused = assertThrows(SpectraExceedMemoryException.class,
                () -> new SpectrumCache(decoder, SPEC, Optional.empty(), 3 * oneClip)
                        .load(readable(), LABELS, ProgressListener.NONE, Cancellation.none()));

        assertTrue(refused.getMessage().contains("of 6 clips already take")
                && refused.getMessage().contains("give Java more memory (-Xmx)")
                && refused.getMessage().contains("--cache DIR"), refused.getMessage());
        assertEquals(6, new SpectrumCache(decoder, SPEC, Optional.empty(), 6 * oneClip + 1)
                .load(readable(), LABELS, ProgressListener.NONE, Cancellation.none()).clips().size(),
                "within the budget every clip loads");
    }

    @Test
    void spectraBeyondTheMemoryBudgetStayOnDiskAndTrainingCutsTheSameBatchesFromThem(@TempDir Path cache)
            throws Exception {
        CachedDataset inMemory = new SpectrumCache(decoder, SPEC, Optional.empty())
                .load(readable(), LABELS, ProgressListener.NONE, Cancellation.none());
        long oneClip = oneClipBytes();

        // decoded now, then read back from the files the first load wrote: both ways must keep three on disk
        for (int pass = 0; pass < 2; pass++) {
            CachedDataset mixed = new SpectrumCache(decoder, SPEC, Optional.of(cache), 3 * oneClip)
                    .load(readable(), LABELS, ProgressListener.NONE, Cancellation.none());

            assertEquals(inMemory.labeledClips(), mixed.labeledClips());
            assertEquals(3, mixed.clips().stream().filter(c -> c.source() instanceof ClipSpectrum.Stored).count(),
                    "pass " + pass + ": the clips beyond the budget of three stay on disk");
            assertEquals(3 * oneClip, mixed.clips().stream().mapToLong(c -> c.source().heldBytes()).sum());
            for (int i = 0; i < inMemory.clips().size(); i++) {
                assertArrayEquals(inMemory.clips().get(i).spectrum().db(), mixed.clips().get(i).spectrum().db());
            }
            TileSampler sampler = new TileSampler(SPEC, Augmentation.standard());
            Iterator<Batch> expected = sampler.epoch(inMemory.clips(), LABELS.size(), 4, true, new Random(9));
            Iterator<Batch> actual = sampler.epoch(mixed.clips(), LABELS.size(), 4, true, new Random(9));
            while (expected.hasNext()) {
                Batch want = expected.next();
                Batch got = actual.next();
                assertArrayEquals(want.tiles(), got.tiles(), "augmented tiles at random offsets are the same");
                assertArrayEquals(want.targets(), got.targets());
            }
            assertFalse(actual.hasNext());
        }
    }

    @Test
    void aStoredSpectrumDeletedWhileTrainingRunsIsNamedInTheError(@TempDir Path cache) throws Exception {
        CachedDataset mixed = new SpectrumCache(decoder, SPEC, Optional.of(cache), 1)
                .load(readable(), LABELS, ProgressListener.NONE, Cancellation.none());
        ClipSpectrum.Stored stored = (ClipSpectrum.Stored) mixed.clips().get(0).source();
        Files.delete(stored.file());

        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> mixed.clips().get(0).spectrum());

        assertTrue(e.getMessage().contains(stored.file().toString())
                && e.getMessage().contains("keep the spectrum cache folder"), e.getMessage());
    }

    private long oneClipBytes() {
        CachedDataset one = new SpectrumCache(decoder, SPEC, Optional.empty())
                .load(readable().subList(0, 1), LABELS, ProgressListener.NONE, Cancellation.none());
        return 4L * one.clips().get(0).spectrum().db().length;
    }

    @Test
    void aSecondLoadReadsTheDiskCacheInsteadOfDecodingAndGivesIdenticalSpectra(@TempDir Path cache)
            throws Exception {
        CachedDataset first = new SpectrumCache(decoder, SPEC, Optional.of(cache))
                .load(clips, LABELS, ProgressListener.NONE, Cancellation.none());
        try (Stream<Path> files = Files.list(cache)) {
            assertEquals(6, files.filter(f -> f.toString().endsWith(".spectrum")).count(), "one file per readable clip");
        }

        // same size and modification time, but no audio left: only a cache hit can still give the spectra
        for (LabeledClip clip : readable()) {
            scramble(clip.file());
        }
        List<String> messages = new CopyOnWriteArrayList<>();
        CachedDataset second = new SpectrumCache(decoder, SPEC, Optional.of(cache))
                .load(clips, LABELS, (done, total, message) -> messages.add(message), Cancellation.none());

        assertEquals(first.labeledClips(), second.labeledClips());
        for (int i = 0; i < first.clips().size(); i++) {
            assertEquals(first.clips().get(i).spectrum().frames(), second.clips().get(i).spectrum().frames());
            assertArrayEquals(first.clips().get(i).spectrum().db(), second.clips().get(i).spectrum().db());
        }
        assertEquals(6, messages.stream().filter(m -> m.endsWith("(from the disk cache)")).count(), messages.toString());
        assertEquals(1, second.skipped().size(), "the corrupt clip is never cached");

        // another spec misses the cache and decodes: now every (scrambled) clip is unreadable
        FeatureSpec other = SPEC.withWindowHopSeconds(0.25);
        CachedDataset missed = new SpectrumCache(decoder, other, Optional.of(cache))
                .load(clips, LABELS, ProgressListener.NONE, Cancellation.none());
        assertEquals(0, missed.clips().size());
        assertEquals(7, missed.skipped().size());
    }

    @Test
    void aDamagedCacheFileIsDecodedAgainAndRewritten(@TempDir Path cache) throws Exception {
        SpectrumCache spectra = new SpectrumCache(decoder, SPEC, Optional.of(cache));
        CachedDataset first = spectra.load(clips, LABELS, ProgressListener.NONE, Cancellation.none());
        List<Path> files;
        try (Stream<Path> list = Files.list(cache)) {
            files = list.toList();
        }
        for (Path file : files) {
            Files.write(file, new byte[] {1, 2, 3});
        }

        CachedDataset second = spectra.load(clips, LABELS, ProgressListener.NONE, Cancellation.none());

        for (int i = 0; i < first.clips().size(); i++) {
            assertArrayEquals(first.clips().get(i).spectrum().db(), second.clips().get(i).spectrum().db());
        }
        for (Path file : files) {
            assertTrue(Files.size(file) > 1000, "rewritten: " + file);
        }
    }

    @Test
    void cancellingStopsTheLoadBetweenClips() {
        List<LabeledClip> many = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            many.addAll(readable());
        }
        Cancellation cancellation = new Cancellation();
        AtomicInteger reported = new AtomicInteger();
        ProgressListener cancelAfterTwo = (done, total, message) -> {
            if (reported.incrementAndGet() == 2) {
                cancellation.cancel();
            }
        };

        assertThrows(CancelledException.class, () -> new SpectrumCache(decoder, SPEC, Optional.empty())
                .load(many, LABELS, cancelAfterTwo, cancellation));

        assertTrue(reported.get() < many.size() / 2, reported.get() + " of " + many.size() + " clips were analysed");
    }

    @Test
    void aGenreOutsideTheLabelsIsRefused() {
        List<LabeledClip> withJazz = new ArrayList<>(readable());
        withJazz.add(new LabeledClip(readable().get(0).file(), "jazz"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SpectrumCache(decoder, SPEC, Optional.empty())
                        .load(withJazz, LABELS, ProgressListener.NONE, Cancellation.none()));
        assertTrue(e.getMessage().contains("jazz"), e.getMessage());
    }

    @Test
    void aSubsetSharesTheSpectraAndRefusesClipsItDoesNotHold() {
        CachedDataset dataset = new SpectrumCache(decoder, SPEC, Optional.empty())
                .load(clips, LABELS, ProgressListener.NONE, Cancellation.none());
        List<LabeledClip> fold = List.of(readable().get(4), readable().get(1));

        CachedDataset subset = dataset.subset(fold);

        assertEquals(List.of(readable().get(1), readable().get(4)), subset.labeledClips(), "in the dataset's order");
        assertSame(dataset.clips().get(1).spectrum(), subset.clips().get(0).spectrum());
        assertEquals(dataset.labels(), subset.labels());
        assertEquals(dataset.spec(), subset.spec());
        assertThrows(IllegalArgumentException.class, () -> dataset.subset(List.of(new LabeledClip(broken, "noise"))));
    }

    /** Random bytes of the same length with the same modification time: the cache key does not change. */
    private static void scramble(Path file) throws IOException {
        FileTime modified = Files.getLastModifiedTime(file);
        byte[] junk = new byte[(int) Files.size(file)];
        new Random(file.hashCode()).nextBytes(junk);
        Files.write(file, junk);
        Files.setLastModifiedTime(file, modified);
    }
}
