package org.genrelens.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.genrelens.library.LibraryDatabase;
import org.genrelens.library.LibraryScanner;
import org.genrelens.library.ScanOptions;
import org.genrelens.library.ScanReport;
import org.genrelens.task.Cancellation;
import org.genrelens.task.ProgressListener;
import org.genrelens.testing.TestAudio;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Library scan of a 10,000-file tree (tiny WAVs in 100 folders): a first scan into an empty database, and a
 * rescan of the unchanged tree. Peak memory is measured on the CLI (decision record 0007):
 * {@code main(dir)} writes the same tree for that.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ScanBenchmark {

    static final int FILES = 10_000;

    private Path dir;
    private Path music;
    private Path freshDb;
    private LibraryDatabase scanned;

    @Setup(Level.Trial)
    public void writeTree() throws IOException {
        dir = Files.createTempDirectory("scan-bench");
        music = writeTree(dir.resolve("music"));
        scanned = LibraryDatabase.open(dir.resolve("scanned.db"));
        scan(scanned);
    }

    @Setup(Level.Invocation)
    public void emptyDatabase() throws IOException {
        freshDb = dir.resolve("fresh.db");
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(freshDb + suffix));
        }
    }

    @Benchmark
    public ScanReport firstScan() {
        try (LibraryDatabase db = LibraryDatabase.open(freshDb)) {
            return scan(db);
        }
    }

    @Benchmark
    public ScanReport rescanUnchanged() {
        return scan(scanned);
    }

    @TearDown(Level.Trial)
    public void deleteTree() throws IOException {
        scanned.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private ScanReport scan(LibraryDatabase db) {
        ScanReport report = new LibraryScanner(db).scan(List.of(music), ScanOptions.defaults(),
                ProgressListener.NONE, Cancellation.none());
        if (report.counts().files() != FILES) {
            throw new IllegalStateException("scanned " + report.counts());
        }
        return report;
    }

    /** 10,000 WAVs of 0.05 s (844 bytes each), each with its own noise, 100 per folder. */
    static Path writeTree(Path music) throws IOException {
        for (int i = 0; i < FILES; i++) {
            Path file = music.resolve(String.format("artist-%02d/album-%02d/track-%05d.wav", i / 1000, i / 100 % 10, i));
            Files.createDirectories(file.getParent());
            TestAudio.writeWav(TestAudio.noise(0.05, 8000, 0.5, i), 1, 8000, 16, false, file);
        }
        return music;
    }

    /** Writes the tree into the given folder, for measuring the CLI with /usr/bin/time -v. */
    public static void main(String[] args) throws IOException {
        writeTree(Path.of(args[0]));
    }
}
