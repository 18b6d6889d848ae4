package org.genrelens.app;

import org.genrelens.app.bench.BenchDecodeCommand;
import org.genrelens.app.library.AnalyzeCommand;
import org.genrelens.app.library.GenresCommand;
import org.genrelens.app.library.ListCommand;
import org.genrelens.app.library.ReviewCommand;
import org.genrelens.app.library.ScanCommand;
import org.genrelens.app.library.StatsCommand;
import org.genrelens.app.library.TagCommand;
import org.genrelens.app.library.UndoCommand;
import org.genrelens.app.training.BaselineCommand;
import org.genrelens.app.training.EvaluateCommand;
import org.genrelens.app.training.ExportCommand;
import org.genrelens.app.training.SpectraCommand;
import org.genrelens.app.training.TrainCommand;
import org.genrelens.app.training.TuneCommand;

import picocli.CommandLine.Command;

/** The top-level {@code genrelens} command; work happens in its subcommands. */
@Command(name = "genrelens",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Organises a music library by genre, predicted from the audio itself.",
        subcommands = {ClassifyCommand.class, SpectrogramCommand.class, InfoCommand.class, ScanCommand.class,
                AnalyzeCommand.class, ListCommand.class, StatsCommand.class, TagCommand.class, UndoCommand.class, EvaluateCommand.class,
                TrainCommand.class, TuneCommand.class, SpectraCommand.class, BaselineCommand.class, ExportCommand.class,
                BenchDecodeCommand.class, DesktopCommand.class, GenresCommand.class, ReviewCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file was processed", "1:some files failed (they are listed)",
                "2:usage error"})
public final class GenreLensCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Option(names = {"-v", "--verbose"}, scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Also log what happens (model loading, execution provider, decoder choice)")
    void setVerbose(boolean verbose) {
        CliLogging.setVerbose(verbose);
    }

    /** Without a command, the desktop app opens. */
    @Override
    public void run() {
        picocli.CommandLine app = spec.commandLine().getSubcommands().get("app");
        int status = app.execute();
        if (status != ExitCodes.OK) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "the app could not open; name a command instead (genrelens --help lists them)");
        }
    }
}
