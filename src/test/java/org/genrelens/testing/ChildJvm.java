package org.genrelens.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A class's {@code main} in its own JVM with the test classpath, its output in a file: what a second process (the
 * CLI beside the app, a run killed mid-write) looks like to the code under test.
 */
public final class ChildJvm {

    private final Process process;
    private final Path output;

    private ChildJvm(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts {@code mainClass} with the JVM options and arguments; stdout and stderr go to {@code output}. */
    public static ChildJvm start(String mainClass, List<String> jvmOptions, List<String> args, Path output)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
        return new ChildJvm(process, output);
    }

    /** The GenreLens command line. */
    public static ChildJvm genrelens(List<String> args, Path output) throws IOException {
        return start("org.genrelens.app.Main", List.of(), args, output);
    }

    public Process process() {
        return process;
    }

    /** Waits for the exit (a hung child is killed and fails the test) and returns its exit code. */
    public int waitFor(long seconds) throws IOException, InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the child did not finish in " + seconds + " s:\n" + output());
        }
        return process.exitValue();
    }

    /** SIGKILL on Linux and macOS: no shutdown hook, no finally block runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    public String output() throws IOException {
        return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
    }
}
