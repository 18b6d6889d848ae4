package org.genrelens.training.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.genrelens.audio.AudioDecodeException;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.features.FeatureSpec;
import org.genrelens.features.TileExtractor;
import org.genrelens.features.TrackSpectrum;
import org.genrelens.task.Cancellation;
import org.genrelens.task.CancelledException;
import org.genrelens.task.ProgressListener;

/**
 * Computes each clip's {@link TrackSpectrum} once for a {@link FeatureSpec}, so epochs, folds and tuning trials cut
 * tiles from memory instead of decoding again. With a disk directory, spectra also outlive the run: a file keyed by
 * the spec and the audio file's path, size and modification time (see {@link SpectrumFile}) is read instead of
 * decoding. The directory is a cache: when it cannot be read or written, the clip is decoded and a warning logged.
 */
public final class SpectrumCache {

    private static final System.Logger LOG = System.getLogger(SpectrumCache.class.getName());

    private final AudioDecoder decoder;
    private final TileExtractor extractor;
    private final Optional<Path> diskDirectory;
    private final long memoryBudget;

    /** Spectra may take up to half of the heap Java may use: training needs the rest. */
    public SpectrumCache(AudioDecoder decoder, FeatureSpec spec, Optional<Path> diskDirectory) {
        this(decoder, spec, diskDirectory, Runtime.getRuntime().maxMemory() / 2);
    }

    /** @param memoryBudget bytes the spectra of one load may take before it stops with a clear refusal */
    public SpectrumCache(AudioDecoder decoder, FeatureSpec spec, Optional<Path> diskDirectory, long memoryBudget) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.extractor = new TileExtractor(Objects.requireNonNull(spec, "spec"));
        this.diskDirectory = Objects.requireNonNull(diskDirectory, "diskDirectory").map(Path::toAbsolutePath);
        if (memoryBudget <= 0) {
            throw new IllegalArgumentException("the memory budget must be positive, was " + memoryBudget);
        }
        this.memoryBudget = memoryBudget;
    }

    /**
     * Decodes and analyses every clip once, in parallel on one thread per core; unreadable clips are skipped with a
     * warning and listed in {@link CachedDataset#skipped()}. Progress is reported per clip; cancellation is checked
     * between clips and during decoding.
     *
     * @param labels the genres in label-index order; every clip's genre must be one of them
     * @throws CancelledException            when cancelled
     * @throws SpectraExceedMemoryException when the spectra would take more than the memory budget: stopped before
     *                                       Java runs out of memory, saying how much they need
     */
    public CachedDataset load(List<LabeledClip> clips, List<String> labels, ProgressListener progress,
            Cancellation cancellation) {
        for (LabeledClip clip : clips) {
            if (!labels.contains(clip.genre())) {
                throw new IllegalArgumentException("the genre '" + clip.genre() + "' of " + clip.file()
                        + " is not among the labels " + labels);
            }
        }
        Optional<Path> directory = usableDirectory();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1,
                Math.min(Runtime.getRuntime().availableProcessors(), clips.size())));
        AtomicLong done = new AtomicLong();
        AtomicInteger fromDisk = new AtomicInteger();
        AtomicLong held = new AtomicLong();
        try {
            List<Future<CachedClip>> futures = new ArrayList<>();
            for (LabeledClip clip : clips) {
                futures.add(pool.submit(() -> {
                    cancellation.throwIfCancelled();
                    String how = "unreadable";
                    try {
                        Optional<TrackSpectrum> cached = directory.flatMap(d -> readCached(d, clip));
                        TrackSpectrum spectrum;
                        if (cached.isPresent()) {
                            fromDisk.incrementAndGet();
                            how = "from the disk cache";
                            spectrum = cached.get();
                        } else {
                            spectrum = compute(clip, directory, cancellation);
                            how = "decoded";
                        }
                        long total = held.addAndGet(4L * spectrum.db().length);
                        if (total > memoryBudget) {
                            throw new SpectraExceedMemoryException(extractor.spec(), done.get() + 1, clips.size(),
                                    total, memoryBudget);
                        }
                        return new CachedClip(clip, labels.indexOf(clip.genre()), spectrum);
                    } finally {
                        progress.onProgress(done.incrementAndGet(), clips.size(),
                                "spectrum of " + clip.file() + " (" + how + ")");
                    }
                }));
            }
            List<CachedClip> loaded = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            for (int i = 0; i < clips.size(); i++) {
                try {
                    loaded.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof CancelledException cancelled) {
                        throw cancelled;
                    }
                    if (e.getCause() instanceof SpectraExceedMemoryException tooLarge) {
                        throw tooLarge;
                    }
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    String reason = e.getCause() instanceof AudioDecodeException decode
                            ? decode.getMessage() : clips.get(i).file() + ": " + e.getCause();
                    LOG.log(System.Logger.Level.WARNING, "skipping unreadable clip: " + reason);
                    skipped.add(reason);
                }
            }
            LOG.log(System.Logger.Level.INFO, () -> "spectra of " + clips.size() + " clips: " + fromDisk.get()
                    + " from the disk cache, " + (loaded.size() - fromDisk.get()) + " decoded, " + skipped.size()
                    + " skipped");
            return new CachedDataset(extractor.spec(), labels, loaded, skipped);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } finally {
            pool.shutdownNow();
        }
    }

    private TrackSpectrum compute(LabeledClip clip, Optional<Path> directory, Cancellation cancellation)
            throws AudioDecodeException {
        float[] pcm = decoder.decode(clip.file(), extractor.spec().sampleRate(), cancellation).samples();
        TrackSpectrum spectrum = extractor.spectrum(pcm);
        directory.ifPresent(d -> store(d, clip, spectrum));
        return spectrum;
    }

    private Optional<TrackSpectrum> readCached(Path directory, LabeledClip clip) {
        if (!Files.exists(clip.file())) {
            return Optional.empty(); // the decoder says what is wrong with the file
        }
        try {
            return SpectrumFile.read(SpectrumFile.locate(directory, extractor.spec(), clip.file()), extractor.spec());
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read the cached spectrum of " + clip.file()
                    + " in " + directory + " (" + e + "); decoding it again");
            return Optional.empty();
        }
    }

    private void store(Path directory, LabeledClip clip, TrackSpectrum spectrum) {
        try {
            SpectrumFile.write(SpectrumFile.locate(directory, extractor.spec(), clip.file()), extractor.spec(),
                    spectrum);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot store the spectrum of " + clip.file() + " in " + directory
                    + " (" + e + "); the next run will decode it again; check that the directory is writable");
        }
    }

    private Optional<Path> usableDirectory() {
        if (diskDirectory.isEmpty()) {
            return diskDirectory;
        }
        try {
            return Optional.of(Files.createDirectories(diskDirectory.get()));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot create the spectrum cache directory " + diskDirectory.get()
                    + " (" + e + "); decoding every clip and caching nothing on disk");
            return Optional.empty();
        }
    }
}
