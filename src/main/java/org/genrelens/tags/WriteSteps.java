package org.genrelens.tags;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Numbers the steps of a tag batch so a crash test can stop a real {@code genrelens tag} process at any one of them:
 * with {@code -Dgenrelens.test.pauseAtStep=N -Dgenrelens.test.pauseSignal=FILE} the Nth step writes its name to
 * FILE and waits there forever, for the test to SIGKILL the process (TagKillPointsTest). Without the properties a
 * step costs one comparison. Steps run on the writing thread only.
 */
final class WriteSteps {

    private static final int PAUSE_AT = Integer.getInteger("genrelens.test.pauseAtStep", 0);
    private static final String SIGNAL = System.getProperty("genrelens.test.pauseSignal");
    private static int reached;

    private WriteSteps() {
    }

    static void reached(String step) {
        if (PAUSE_AT <= 0 || ++reached != PAUSE_AT) {
            return;
        }
        try {
            Files.writeString(Path.of(SIGNAL), reached + " " + step);
            Thread.sleep(Long.MAX_VALUE);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("paused at step " + reached + " (" + step + ")", e);
        }
    }
}
