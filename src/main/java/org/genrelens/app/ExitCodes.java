package org.genrelens.app;

/** Exit codes shared by every command. */
final class ExitCodes {

    /** Every file was processed. */
    static final int OK = 0;
    /** Some files failed (they are listed), or the command could not do its job. */
    static final int FAILURES = 1;
    /** The command line was wrong. */
    static final int USAGE = 2;

    private ExitCodes() {
    }
}
