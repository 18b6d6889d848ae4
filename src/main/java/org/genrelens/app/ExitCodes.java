package org.genrelens.app;

/** Exit codes shared by every command. */
public final class ExitCodes {

    /** Every file was processed. */
    public static final int OK = 0;
    /** Some files failed (they are listed), or the command could not do its job. */
    public static final int FAILURES = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
