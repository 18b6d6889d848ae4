package org.genrelens.app;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The command line shows warnings only, unless --verbose asks for the informational log too. */
public final class CliLogging {

    // java.util.logging holds loggers weakly: without this reference the level set below can be lost to GC
    private static final Logger DJL_CUDA_PROBE = Logger.getLogger("ai.djl.util.cuda");

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
        DJL_CUDA_PROBE.setLevel(verbose ? Level.INFO : Level.SEVERE);
    }
}
