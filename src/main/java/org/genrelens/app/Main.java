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
        return commandLine(CommandLine.defaultFactory());
    }

    /** With a factory that makes the (sub)commands, so tests can give them parts that fail on purpose. */
    static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine cli = new CommandLine(GenreLensCommand.class, factory);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("genrelens: " + ex.getMessage());
            return ExitCodes.FAILURES;
        });
        return cli;
    }
}
