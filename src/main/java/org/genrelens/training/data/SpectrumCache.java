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
 * tiles without decoding again. With a disk directory, spectra also outlive the run: a file keyed by the spec and the
 * audio file's path, size and modification time (see {@link SpectrumFile}) is read instead of decoding, and spectra
 * beyond the memory budget stay there and are read a window at a time (decision record 26). The directory is a cache:
 * when it cannot be read or written, the clip is decoded and a warning logged.
 */
public final class SpectrumCache {

    private static final System.Logger LOG = System.getLogger(SpectrumCache.class.getName());

    private final AudioDecoder decoder;
    private final TileExtractor extractor;
    private final Optional<Path> diskDirectory;
    private final long memoryBudget;

    /**
     * Spectra may take up to a quarter of the heap Java may use (768 MB of the app's 3 GB): training needs the rest,
     * and a laptop's memory too. Beyond it they stay in the disk directory, or, without one, the load is refused.
     */
    public SpectrumCache(AudioDecoder decoder, FeatureSpec spec, Optional<Path> diskDirectory) {
        this(decoder, spec, diskDirectory, Runtime.getRuntime().maxMemory() / 4);
    }

    /**
     * @param memoryBudget bytes of spectra one load holds in memory; the rest are read from the disk directory a window
     *                     at a time, or, without a usable directory, the load stops with a clear refusal
     */
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
     * @throws SpectraExceedMemoryException when the spectra would take more than the memory budget and no disk
     *                                       directory can hold the rest: stopped before Java runs out of memory,
     *                                       saying how much they need
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
        AtomicInteger keptOnDisk = new AtomicInteger();
        AtomicLong held = new AtomicLong();
        try {
            List<Future<CachedClip>> futures = new ArrayList<>();
            for (LabeledClip clip : clips) {
                futures.add(pool.submit(() -> {
                    cancellation.throwIfCancelled();
                    String how = "unreadable";
                    try {
                        Optional<Path> entry = directory.flatMap(d -> entry(d, clip));
                        Optional<ClipSpectrum> cached = entry.flatMap(file -> readCached(file, clip, held));
                        ClipSpectrum spectrum;
                        if (cached.isPresent()) {
                            fromDisk.incrementAndGet();
                            how = "from the disk cache";
                            spectrum = cached.get();
                        } else {
                            spectrum = compute(clip, entry, held, cancellation);
                            how = "decoded";
                        }
                        if (spectrum instanceof ClipSpectrum.Stored) {
                            keptOnDisk.incrementAndGet();
                        }
                        return new CachedClip(clip, labels.indexOf(clip.genre()), spectrum);
                    } catch (SpectraExceedMemoryException e) {
                        throw new SpectraExceedMemoryException(extractor.spec(), done.get() + 1, clips.size(),
                                held.get() + e.bytes(), memoryBudget, diskDirectory);
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
                    + " skipped; " + keptOnDisk.get() + " stay on disk and are read a window at a time ("
                    + (held.get() >> 20) + " MB held, budget " + (memoryBudget >> 20) + " MB)");
            return new CachedDataset(extractor.spec(), labels, loaded, skipped);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Where spectra are kept and how much space they take, e.g. "spectra are kept in DIR (1.9 GB in 1,012 files) for
     * the next run"; empty when the folder holds none or cannot be read. The cache is never pruned on its own, so both
     * faces say this after training, each with its way to delete them.
     */
    public static Optional<String> describeKept(Path directory) {
        try {
            KeptSpectra kept = KeptSpectra.in(directory);
            return kept.isEmpty() ? Optional.empty() : Optional.of("spectra are kept in " + directory + " ("
                    + kept.size() + ") for the next run");
        } catch (IOException e) {
            return Optional.empty(); // a courtesy line: the run itself succeeded
        }
    }

    /**
     * Decodes and analyses the clip; keeps the spectrum in memory while the budget allows, else in its cache file.
     *
     * @throws SpectraExceedMemoryException carrying the clip's bytes, when neither memory nor the disk can hold it
     */
    private ClipSpectrum compute(LabeledClip clip, Optional<Path> entry, AtomicLong held, Cancellation cancellation)
            throws AudioDecodeException {
        float[] pcm = decoder.decode(clip.file(), extractor.spec().sampleRate(), cancellation).samples();
        TrackSpectrum spectrum = extractor.spectrum(pcm);
        boolean stored = entry.isPresent() && store(entry.get(), clip, spectrum);
        long bytes = 4L * spectrum.db().length;
        if (reserve(held, bytes)) {
            return new ClipSpectrum.Held(spectrum);
        }
        if (stored) {
            return stored(entry.get(), spectrum.channels(), spectrum.height(), spectrum.frames(), spectrum.padded());
        }
        throw new SpectraExceedMemoryException(bytes);
    }

    /** The cached spectrum, read into memory while the budget allows, else left on disk; empty on a miss. */
    private Optional<ClipSpectrum> readCached(Path entry, LabeledClip clip, AtomicLong held) {
        try {
            Optional<SpectrumFile.Shape> shape = SpectrumFile.shape(entry, extractor.spec());
            if (shape.isEmpty()) {
                return Optional.empty();
            }
            SpectrumFile.Shape s = shape.get();
            if (!reserve(held, s.bytes())) {
                return Optional.of(stored(entry, s.channels(), s.height(), s.frames(), s.padded()));
            }
            Optional<TrackSpectrum> spectrum = SpectrumFile.read(entry, extractor.spec());
            if (spectrum.isEmpty()) {
                held.addAndGet(-s.bytes());
            }
            return spectrum.map(ClipSpectrum.Held::new);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read the cached spectrum of " + clip.file()
                    + " in " + entry.getParent() + " (" + e + "); decoding it again");
            return Optional.empty();
        }
    }

    private static ClipSpectrum stored(Path entry, int channels, int height, int frames, boolean padded) {
        return new ClipSpectrum.Stored(entry, channels, height, frames, padded);
    }

    /** Counts {@code bytes} as held when they fit the budget. */
    private boolean reserve(AtomicLong held, long bytes) {
        if (held.addAndGet(bytes) <= memoryBudget) {
            return true;
        }
        held.addAndGet(-bytes);
        return false;
    }

    /** The clip's cache file, or empty when the audio file is missing (the decoder says what is wrong with it). */
    private Optional<Path> entry(Path directory, LabeledClip clip) {
        if (!Files.exists(clip.file())) {
            return Optional.empty();
        }
        try {
            return Optional.of(SpectrumFile.locate(directory, extractor.spec(), clip.file()));
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot name the cache file of " + clip.file() + " (" + e
                    + "); decoding it without the disk cache");
            return Optional.empty();
        }
    }

    /** @return whether the spectrum is now on disk */
    private boolean store(Path entry, LabeledClip clip, TrackSpectrum spectrum) {
        try {
            SpectrumFile.write(entry, extractor.spec(), spectrum);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot store the spectrum of " + clip.file() + " in "
                    + entry.getParent() + " (" + e + "); the next run will decode it again; check that the directory "
                    + "is writable");
            return false;
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
