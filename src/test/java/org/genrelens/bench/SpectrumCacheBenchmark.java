package org.genrelens.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.features.FeatureSpec;
import org.genrelens.task.Cancellation;
import org.genrelens.task.ProgressListener;
import org.genrelens.testing.TestAudio;
import org.genrelens.training.data.CachedDataset;
import org.genrelens.training.data.LabeledClip;
import org.genrelens.training.data.SpectrumCache;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@link SpectrumCache#load} of 20 generated GTZAN-like clips (30 s, 22.05 kHz mono WAV) with the default spec:
 * {@code cold} decodes and analyses every clip (no disk cache), {@code warm} reads every spectrum from a populated
 * disk cache. JMH divides each load by its 20 clips, so the score is milliseconds per clip; clips per second is
 * 1000 / score.
 *
 * <p>{@code ./mvnw -o -q -Pbench test-compile exec:exec -Dbench.args="SpectrumCacheBenchmark -f 1 -wi 2 -i 3"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SpectrumCacheBenchmark {

    private static final int CLIPS = 20;
    private static final int SR = 22_050;

    @Param({"cold", "warm"})
    public String cache;

    private Path dir;
    private List<LabeledClip> clips;
    private SpectrumCache spectra;

    @Setup
    public void generateClips() throws IOException {
        dir = Files.createTempDirectory("spectrum-cache-bench");
        clips = new ArrayList<>();
        float[] stereo = DecodeBenchmark.musicLike(30 * CLIPS / 4, SR);
        for (int i = 0; i < CLIPS; i++) {
            // a different 30 s of the piece for each clip, left channel only
            float[] mono = new float[30 * SR];
            int from = (i % 4) * 30 * SR + i * 997;
            for (int k = 0; k < mono.length; k++) {
                mono[k] = stereo[2 * ((from + k) % (stereo.length / 2))];
            }
            Path file = TestAudio.writeWav(mono, SR, dir.resolve("clip" + i + ".wav"));
            clips.add(new LabeledClip(file, i % 2 == 0 ? "even" : "odd"));
        }
        Optional<Path> disk = cache.equals("warm") ? Optional.of(dir.resolve("cache")) : Optional.empty();
        spectra = new SpectrumCache(new AudioDecoder(), FeatureSpec.defaultMel(), disk);
        if (disk.isPresent()) {
            load();
        }
    }

    @Benchmark
    @OperationsPerInvocation(CLIPS)
    public CachedDataset load() {
        CachedDataset dataset = spectra.load(clips, List.of("even", "odd"), ProgressListener.NONE, Cancellation.none());
        if (dataset.clips().size() != CLIPS) {
            throw new IllegalStateException("expected " + CLIPS + " clips, skipped " + dataset.skipped());
        }
        return dataset;
    }

    @TearDown
    public void deleteClips() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
