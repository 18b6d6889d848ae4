package org.genrelens.app;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The command line shows warnings only, unless --verbose asks for the informational log too. */
final class CliLogging {

    private CliLogging() {
    }

    static void setVerbose(boolean verbose) {
        Level level = verbose ? Level.INFO : Level.WARNING;
        Logger root = Logger.getLogger("");
        root.setLevel(level);
        for (Handler handler : root.getHandlers()) {
            handler.setLevel(level);
        }
        // DJL probes for a GPU and warns when the CUDA driver is missing; the CPU engine runs regardless
        Logger.getLogger("ai.djl.util.cuda").setLevel(verbose ? Level.INFO : Level.SEVERE);
    }
}
