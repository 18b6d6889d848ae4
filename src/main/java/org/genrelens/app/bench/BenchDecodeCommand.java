package org.genrelens.app.bench;

import org.genrelens.app.AudioFileFinder;
import org.genrelens.app.ExitCodes;
import org.genrelens.app.ModelOptions;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.genrelens.audio.AudioDecodeException;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.inference.GenreClassifier;
import org.genrelens.inference.ModelLoadException;
import org.genrelens.inference.TrackAnalyzer;
import org.genrelens.model.AnalysisMode;
import org.genrelens.task.Cancellation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code genrelens bench-decode [DIR]}: the issue's benchmark. In one run and with the same number of threads, the
 * time GenreLens takes to analyse every window of the tracks divided by the time the ffmpeg CLI alone takes to
 * decode them to 22.05 kHz mono PCM; and quick mode's tracks per second. Rounds alternate the two sides, so a
 * machine whose load changes during the run slows both alike; medians are reported.
 */
@Command(name = "bench-decode", mixinStandardHelpOptions = true,
        description = {"Benchmark: full-coverage analysis time divided by the time `ffmpeg` alone takes to decode "
                + "the same files to PCM with the same number of threads, and quick mode's tracks per second.",
            "Without DIR it makes 4-minute tracks (mp3, flac, ogg) in a temporary folder, synthesised or, with "
                + "--from-clips, concatenated from real clips; they are deleted afterwards."})
public final class BenchDecodeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "Folder of audio files to measure")
    Path dir;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--from-clips", paramLabel = "DIR",
            description = "Make the tracks by concatenating the clips under DIR (e.g. ../shared/data/gtzan-subset)")
    Path clips;

    @Option(names = "--formats", split = ",", defaultValue = "mp3,flac,ogg",
            description = "Formats of the tracks made (default: ${DEFAULT-VALUE})")
    List<String> formats;

    @Option(names = "--tracks", paramLabel = "N", defaultValue = "4",
            description = "Tracks made per format (default: ${DEFAULT-VALUE})")
    int perFormat;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "240",
            description = "Length of the tracks made (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "0",
            description = "Threads on both sides: tracks analysed at once, ffmpeg processes at once; 0 = one per "
                    + "core (default: ${DEFAULT-VALUE})")
    int jobs;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "3",
            description = "Measured rounds after one warm-up round (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--with-jvm", description = "Also time the pure-Java decode path (without ffmpeg) once")
    boolean withJvm;

    @Option(names = "--steps", description = "Instead of the comparison, time each step of a full analysis (decode, "
            + "spectrogram, tiles, classify) on one thread")
    boolean steps;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (rounds < 1 || perFormat < 1 || seconds < 10 || jobs < 0) {
            throw new ParameterException(spec.commandLine(), "--rounds and --tracks must be >= 1, --seconds >= 10");
        }
        AudioDecoder decoder = new AudioDecoder().preferringFfmpeg();
        Optional<Path> ffmpeg = decoder.ffmpegBinary();
        if (ffmpeg.isEmpty()) {
            err.println("genrelens: the benchmark compares with ffmpeg; install ffmpeg and put it on PATH");
            return ExitCodes.FAILURES;
        }
        int threads = jobs > 0 ? jobs : Runtime.getRuntime().availableProcessors();
        Path made = null;
        try (GenreClassifier classifier = modelOptions.open()) {
            List<Path> files;
            if (dir != null) {
                files = audioFiles(dir, decoder);
            } else {
                made = Files.createTempDirectory("genrelens-bench-");
                BenchTracks maker = new BenchTracks(ffmpeg.get());
                files = clips != null ? maker.concatenate(clips, made, formats, perFormat, seconds)
                        : maker.synthesise(made, formats, perFormat, seconds);
            }
            if (files.isEmpty()) {
                err.println("genrelens: no audio files in " + dir);
                return ExitCodes.FAILURES;
            }
            out.printf(Locale.ROOT, "%d tracks (%s) in %s%n", files.size(), describe(files), files.get(0).getParent());
            out.printf(Locale.ROOT, "machine: %s; load average %.2f at the start%n", machine(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            out.printf(Locale.ROOT, "threads: %d on each side (ffmpeg: %d processes at a time, -threads 1; GenreLens: "
                    + "%d tracks at a time, ONNX Runtime on %s)%n", threads, threads, threads,
                    classifier.executionProvider());
            out.println(decoder.ffmpegVersion().orElse("ffmpeg"));
            out.flush();
            if (steps) {
                StepTimings.print(files, decoder, classifier, rounds, out);
                return ExitCodes.OK;
            }
            TrackAnalyzer analyzer = new TrackAnalyzer(decoder, classifier);
            Side ffmpegSide = new Side("ffmpeg", 1, batch -> decodeWithFfmpeg(ffmpeg.get(), batch.get(0)));
            Side full = new Side("full", 1, batch -> analyzer.analyze(batch.get(0), AnalysisMode.FULL));
            // as analyze --quick does it: four tracks' excerpts through one ffmpeg process
            Side quick = new Side("quick", 4, batch -> failuresOf(analyzer.analyzeQuick(batch, Cancellation.none())));
            List<Side> sides = List.of(ffmpegSide, full, quick);
            for (int round = 0; round <= rounds; round++) {
                List<Side> order = new ArrayList<>(sides);
                if (round % 2 == 1) {
                    java.util.Collections.reverse(order);
                }
                StringBuilder line = new StringBuilder(round == 0 ? "warm-up:" : "round " + round + ":");
                for (Side side : order) {
                    double s = time(side, files, threads, round > 0);
                    line.append(String.format(Locale.ROOT, " %s %.2f s", side.name(), s));
                    if (round > 0 && CpuClock.available()) {
                        line.append(String.format(Locale.ROOT, " (cpu %.2f s)", side.cpu().get(round - 1)));
                    }
                }
                out.println(line);
                out.flush();
            }
            double ratio = median(full.seconds()) / median(ffmpegSide.seconds());
            double quickRate = files.size() / median(quick.seconds());
            out.printf(Locale.ROOT, "median wall time: ffmpeg %.2f s, full analysis %.2f s, quick %.2f s%n",
                    median(ffmpegSide.seconds()), median(full.seconds()), median(quick.seconds()));
            out.printf(Locale.ROOT, "full analysis / ffmpeg decode: %.2f (target <= 1.3)%n", ratio);
            out.printf(Locale.ROOT, "quick mode: %.1f tracks/s (target >= 20 on 2 cores)%n", quickRate);
            out.printf(Locale.ROOT, "full analysis: %.1f tracks/s%n", files.size() / median(full.seconds()));
            if (CpuClock.available()) {
                // on a machine others load too, CPU seconds say what the work costs; wall time says what it got
                out.printf(Locale.ROOT, "median CPU time: ffmpeg %.2f s, full analysis %.2f s (ratio %.2f), "
                        + "quick %.2f s (%.1f ms per track, %.1f tracks/s on %d idle cores)%n", median(ffmpegSide.cpu()),
                        median(full.cpu()), median(full.cpu()) / median(ffmpegSide.cpu()), median(quick.cpu()),
                        1000 * median(quick.cpu()) / files.size(), threads * files.size() / median(quick.cpu()),
                        threads);
            }
            if (withJvm) {
                TrackAnalyzer jvm = new TrackAnalyzer(new AudioDecoder(Optional.empty()), classifier);
                Side jvmSide = new Side("jvm", 1, batch -> jvm.analyze(batch.get(0), AnalysisMode.FULL));
                double s = time(jvmSide, files, threads, true);
                out.printf(Locale.ROOT, "full analysis with the pure-Java decoders (once): %.2f s, %.2f x ffmpeg"
                        + " (CPU %.2f s, %.2f x)%n", s, s / median(ffmpegSide.seconds()), jvmSide.cpu().get(0),
                        jvmSide.cpu().get(0) / median(ffmpegSide.cpu()));
            }
            out.printf(Locale.ROOT, "load average %.2f at the end%n",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            return ExitCodes.OK;
        } catch (ModelLoadException | ModelOptions.ModelNotFoundException e) {
            err.println("genrelens: " + e.getMessage());
            return ExitCodes.FAILURES;
        } finally {
            if (made != null) {
                deleteTree(made);
            }
        }
    }

    @FunctionalInterface
    private interface Work {
        Object run(List<Path> batch) throws Exception;
    }

    /** One side of the comparison: what it does with a batch of {@code batchSize} files, and its timings. */
    private record Side(String name, int batchSize, Work work, List<Double> seconds, List<Double> cpu) {
        Side(String name, int batchSize, Work work) {
            this(name, batchSize, work, new ArrayList<>(), new ArrayList<>());
        }
    }

    private static Object failuresOf(List<TrackAnalyzer.Outcome> outcomes) throws AudioDecodeException {
        for (TrackAnalyzer.Outcome outcome : outcomes) {
            if (outcome.error() != null) {
                throw outcome.error();
            }
        }
        return outcomes;
    }

    /**
     * Runs the side over every file with {@code threads} workers; seconds of wall time. The CPU time it took (this
     * JVM and the ffmpeg processes it waited for) is added to the side's list when {@code measured}.
     */
    private static double time(Side side, List<Path> files, int threads, boolean measured) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        double cpuBefore = CpuClock.seconds();
        try {
            long start = System.nanoTime();
            List<Future<Object>> results = new ArrayList<>();
            List<List<Path>> batches = new ArrayList<>();
            for (int i = 0; i < files.size(); i += side.batchSize()) {
                List<Path> batch = files.subList(i, Math.min(files.size(), i + side.batchSize()));
                batches.add(batch);
                results.add(pool.submit(() -> side.work().run(batch)));
            }
            for (int i = 0; i < results.size(); i++) {
                try {
                    results.get(i).get();
                } catch (ExecutionException e) {
                    throw new IOException(side.name() + " failed on " + batches.get(i) + ": " + e.getCause(),
                            e.getCause());
                }
            }
            double wall = (System.nanoTime() - start) / 1e9;
            if (measured) {
                side.seconds().add(wall);
                side.cpu().add(CpuClock.seconds() - cpuBefore);
            }
            return wall;
        } finally {
            pool.shutdownNow();
        }
    }

    /** What the issue compares with: ffmpeg alone, one thread, to 22.05 kHz mono float PCM, written nowhere. */
    private static Object decodeWithFfmpeg(Path ffmpeg, Path file) throws IOException, InterruptedException {
        String nowhere = File.separatorChar == '\\' ? "NUL" : "/dev/null";
        Process process = new ProcessBuilder(ffmpeg.toString(), "-nostdin", "-v", "error", "-threads", "1", "-i",
                file.toString(), "-ac", "1", "-ar", "22050", "-f", "f32le", "-y", nowhere)
                .redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (process.waitFor() != 0) {
            throw new IOException("ffmpeg: " + new String(output, java.nio.charset.StandardCharsets.UTF_8).strip());
        }
        return null;
    }

    private static List<Path> audioFiles(Path dir, AudioDecoder decoder) {
        return new AudioFileFinder(decoder.readableExtensions()).find(List.of(dir)).files();
    }

    private static String describe(List<Path> files) {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            counts.merge(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT), 1L, Long::sum);
        }
        return counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).reduce((a, b) -> a + ", " + b)
                .orElse("");
    }

    static String machine() {
        String cpu = System.getProperty("os.arch");
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            cpu = lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst().orElse(cpu);
        } catch (IOException | RuntimeException e) {
            // not Linux: the architecture will do
        }
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return String.format(Locale.ROOT, "%d cores, %s, %.0f GB, %s %s, Java %s",
                Runtime.getRuntime().availableProcessors(), cpu, memory / 1e9, System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("java.version"));
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder: the system cleans it up eventually
        }
    }
}
