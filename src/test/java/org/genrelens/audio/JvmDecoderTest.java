package org.genrelens.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.genrelens.task.Cancellation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JvmDecoderTest {

    @TempDir
    Path dir;

    /**
     * Opening a named pipe blocks until someone writes to it, and nothing in the decoder can end that wait: it
     * stands in for a decoder looping on damaged data. The caller gets its answer at the deadline all the same.
     */
    @Test
    void decodeThatNeverReturnsIsAbandonedAtTheDeadline() throws Exception {
        Path fifo = dir.resolve("never.flac");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor(), "mkfifo");

        PcmResult result;
        try (Deadline deadline = Deadline.after(Duration.ofMillis(500))) {
            result = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> new JvmDecoder().decodeWithin(fifo,
                    ContainerFormat.FLAC, StructureInspector.Structure.UNKNOWN, 22_050, PcmOutput.collecting(deadline),
                    deadline, Cancellation.none()));
            assertTrue(deadline.expired());
        } finally {
            try (OutputStream release = Files.newOutputStream(fifo)) {
                release.flush(); // lets the abandoned worker's open return, so it ends instead of waiting for ever
            }
        }

        assertEquals(JvmDecoder.STUCK, result.error());
        assertEquals(0, result.sourceFrames());
    }
}
