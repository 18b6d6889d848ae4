package org.genrelens.app;

import picocli.CommandLine;

/** Entry point of the command line. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        CliLogging.setVerbose(false);
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests to run commands in-process. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new GenreLensCommand());
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("genrelens: " + ex.getMessage());
            return ExitCodes.FAILURES;
        });
        return cli;
    }
}
