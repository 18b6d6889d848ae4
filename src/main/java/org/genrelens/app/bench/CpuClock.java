package org.genrelens.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU seconds used by this JVM and by the child processes it has waited for (ffmpeg), for benchmarks on machines
 * that other work loads too. Children's time comes from {@code /proc/self/stat} (Linux); elsewhere it is not
 * available.
 */
public final class CpuClock {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on every Linux architecture we run on

    private CpuClock() {
    }

    static boolean available() {
        return childTicks() >= 0;
    }

    static double seconds() {
        double own = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
        long children = childTicks();
        return own + (children < 0 ? 0 : children / TICKS_PER_SECOND);
    }

    /** cutime + cstime: fields 16 and 17 of /proc/self/stat, counted after the command name in parentheses. */
    private static long childTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
