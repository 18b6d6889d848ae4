package org.genrelens.audio;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds an ffmpeg binary by walking PATH ourselves (no shell, no "which") and asks it for its version. Nothing is
 * ever downloaded: TarsosDSP's no-argument {@code PipeDecoder()} would fetch a binary when none is found, so
 * {@link FfmpegDecoder} starts the binary found here itself.
 */
final class FfmpegLocator {

    private FfmpegLocator() {
    }

    static Optional<Path> findOnPath() {
        return findOnPath(System.getenv("PATH"));
    }

    static Optional<Path> findOnPath(String pathVariable) {
        if (pathVariable == null || pathVariable.isBlank()) {
            return Optional.empty();
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
        String name = windows ? "ffmpeg.exe" : "ffmpeg";
        for (String dir : pathVariable.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue; // an empty PATH entry means "the current directory": never run a binary from there
            }
            try {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate.toAbsolutePath());
                }
            } catch (InvalidPathException e) {
                // a malformed PATH entry is skipped, like a shell would
            }
        }
        return Optional.empty();
    }

    /** The first line of {@code ffmpeg -version}, or empty when the binary does not answer within 10 s. */
    static Optional<String> version(Path binary) {
        Process process = null;
        try {
            process = new ProcessBuilder(binary.toString(), "-version").redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File(nullDevice()))).start();
            Process running = process;
            Deadline deadline = Deadline.after(java.time.Duration.ofSeconds(10));
            deadline.onExpiry(running::destroyForcibly);
            try (deadline; BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String first = out.readLine();
                while (out.readLine() != null) {
                    // drain, so the process can exit
                }
                boolean exited = process.waitFor(deadline.remaining().toMillis(), TimeUnit.MILLISECONDS);
                if (!exited || process.exitValue() != 0 || first == null || first.isBlank()) {
                    return Optional.empty();
                }
                return Optional.of(first.strip());
            }
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (process != null) {
                process.destroyForcibly();
            }
        }
    }

    private static String nullDevice() {
        return File.separatorChar == '\\' ? "NUL" : "/dev/null";
    }
}
