package org.genrelens.app.training;

import org.genrelens.app.ExitCodes;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.genrelens.inference.InvalidModelCardException;
import org.genrelens.inference.ModelCard;
import org.genrelens.training.onnx.ModelEnsembler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code genrelens export}: one model file (and card) from trained models, averaged or renamed. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes one ONNX model with its card from trained GenreLens models. Several models with the "
                + "same labels and FeatureSpec (seeds, folds) become one graph that averages their probabilities; "
                + "a single model is re-exported under a new name. The card lists every member's sha256, "
                + "provenance and metrics."})
public final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "MODEL.onnx", description = "Models to export, each with its card")
    List<Path> models;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE.onnx",
            description = "Model to write, with FILE.card.json beside it (default: " + ModelDestination.DEFAULT_DESCRIPTION
                    + ", named after --name)")
    Path out;

    @Option(names = "--name", description = "Name in the card (default: the file name without .onnx)")
    String name;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        for (Path model : models) {
            if (out != null && model.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
                throw new ParameterException(spec.commandLine(), "--out " + out + " would overwrite a member; "
                        + "write the export to a new file");
            }
        }
        List<ModelEnsembler.Member> members = new ArrayList<>();
        for (Path model : models) {
            try {
                members.add(ModelEnsembler.Member.read(model));
            } catch (java.nio.file.NoSuchFileException e) {
                err.println("genrelens: " + e.getFile() + ": " + (e.getReason() == null ? "no such file" : e.getReason()));
                return ExitCodes.FAILURES;
            } catch (InvalidModelCardException | IllegalArgumentException e) {
                err.println("genrelens: " + e.getMessage());
                return ExitCodes.FAILURES;
            }
        }
        Path target = ModelDestination.orDefault(out, name != null ? name : "genre-export");
        ModelCard card;
        try {
            card = ModelEnsembler.export(members, target, name);
        } catch (IllegalArgumentException e) {
            err.println("genrelens: " + e.getMessage());
            return ExitCodes.FAILURES;
        }
        spec.commandLine().getOut().printf("wrote %s (%s of %d model%s, sha256 %s) and %s%n", target,
                members.size() == 1 ? "re-export" : "mean", members.size(), members.size() == 1 ? "" : "s",
                card.sha256(), ModelCard.cardPathFor(target).getFileName());
        return ExitCodes.OK;
    }
}
