package org.genrelens.app;

import org.genrelens.app.library.AnalyzeCommand;
import org.genrelens.app.library.TagCommand;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the command line in-process and keeps what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        return run(Main.commandLine(), args);
    }

    /** Runs with this analysis stage in every command that analyses files. */
    static CliRun withStages(StageFactory stages, String... args) {
        return run(Main.commandLine(new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                K made = CommandLine.defaultFactory().create(type);
                if (made instanceof ClassifyCommand classify) {
                    classify.stages = stages;
                } else if (made instanceof AnalyzeCommand analyze) {
                    analyze.stages = stages;
                } else if (made instanceof TagCommand tag) {
                    tag.stages = stages;
                }
                return made;
            }
        }), args);
    }

    private static CliRun run(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    long outLines() {
        return out.lines().filter(line -> !line.isBlank()).count();
    }
}
