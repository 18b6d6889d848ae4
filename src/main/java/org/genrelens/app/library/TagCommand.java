package org.genrelens.app.library;

import org.genrelens.app.AudioFileFinder;
import org.genrelens.app.ExitCodes;
import org.genrelens.app.ModelOptions;
import org.genrelens.app.StageFactory;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.inference.GenreClassifier;
import org.genrelens.inference.ModelLoadException;
import org.genrelens.inference.TrackAnalyzer;
import org.genrelens.library.LibraryLocation;
import org.genrelens.model.AnalysisMode;
import org.genrelens.pipeline.AnalysisPipeline;
import org.genrelens.pipeline.AnalysisStage;
import org.genrelens.pipeline.FileOutcome;
import org.genrelens.tags.FileTagJournal;
import org.genrelens.tags.GenreWriting;
import org.genrelens.tags.TagPlan;
import org.genrelens.tags.TagPlanner;
import org.genrelens.tags.TagPolicy;
import org.genrelens.tags.TagReader;
import org.genrelens.tags.TagRequest;
import org.genrelens.tags.TagWriteOptions;
import org.genrelens.tags.TagWriter;
import org.genrelens.tags.WriteReport;
import org.genrelens.task.Cancellation;
import org.genrelens.task.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code genrelens tag PATH...}: classify, plan against the files as they are now, then write (journaled, atomic),
 * or with --dry-run print exactly the plan.
 */
@Command(name = "tag", mixinStandardHelpOptions = true,
        description = "Writes the predicted genre (or --genre) into the files' genre tags; undo with 'genrelens undo'.")
public final class TagCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Audio files or folders (or use --library)")
    List<Path> paths = List.of();

    @Option(names = "--library", description = "Tag the analysed tracks of the library database with their stored "
            + "predictions (journal in the database; refuses files changed since the scan)")
    boolean fromLibrary;

    @Option(names = "--db", paramLabel = "FILE", description = "With --library: the library database")
    Path database;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--dry-run", description = "Print what would change and write nothing")
    boolean dryRun;

    @Option(names = "--policy", paramLabel = "empty|overwrite|append", defaultValue = "empty",
            description = "Tag only files without a genre, replace their genres, or add one more "
                    + "(default: ${DEFAULT-VALUE})")
    String policy;

    @Option(names = "--min-confidence", paramLabel = "X", defaultValue = "0",
            description = "Leave files whose prediction is less sure than X (0..1) alone (default: ${DEFAULT-VALUE})")
    float minConfidence;

    @Option(names = "--genre", paramLabel = "NAME", description = "Write this genre instead of classifying")
    String genre;

    @Option(names = "--journal", paramLabel = "FILE",
            description = "Journal of tag writes (default: $XDG_DATA_HOME/genrelens/tag-journal.jsonl)")
    Path journal;

    @Mixin
    GenreMapOptions genreMapOptions;

    @Option(names = "--with-parents", description = "Also write each genre's parent genres from the genre map "
            + "(Techno writes Techno and Electronic)")
    boolean withParents;

    @Option(names = "--keep-mtime", description = "Keep each file's modification time (default: it moves to the "
            + "time of the write, so backup tools and players see the change)")
    boolean keepModificationTime;

    /** The stage the pipeline runs; tests replace it. */
    public StageFactory stages = StageFactory.REAL;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TagPolicy tagPolicy = policy();
        GenreWriting writing = new GenreWriting(genreMapOptions.read(), withParents);
        if (fromLibrary) {
            if (!paths.isEmpty() || genre != null || journal != null) {
                throw new ParameterException(spec.commandLine(), "--library takes no PATH, --genre or --journal");
            }
            return new LibraryTagging(tagPolicy, writing, new TagWriteOptions(keepModificationTime), dryRun, out, err)
                    .run(database);
        }
        if (paths.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "name files or folders to tag, or use --library");
        }
        AudioFileFinder.Found found = new AudioFileFinder(TagReader.extensions()).find(paths);
        Map<Path, String> failures = new LinkedHashMap<>(found.problems());
        List<TagRequest> requests = new ArrayList<>();
        if (genre != null) {
            found.files().forEach(file -> requests.add(TagRequest.chosen(file, genre)));
        } else if (!classify(found.files(), requests, failures, err)) {
            return ExitCodes.FAILURES;
        }
        TagPlan plan = new TagPlanner(tagPolicy, writing).plan(requests, ProgressListener.NONE, Cancellation.none());
        plan.describe().forEach(out::println);
        plan.skipped().stream().filter(TagPlan.Skipped::failed)
                .forEach(skip -> failures.put(skip.file(), skip.reason()));
        if (dryRun) {
            out.printf("dry run: %d change(s) planned, nothing written%n", plan.changes().size());
        } else if (!plan.isEmpty()) {
            Path journalFile = journal != null ? journal : LibraryLocation.defaultTagJournal();
            try (FileTagJournal tagJournal = FileTagJournal.open(journalFile)) {
                WriteReport report = new TagWriter(new TagWriteOptions(keepModificationTime)).apply(plan, tagJournal,
                        plan.stamps(), ProgressListener.NONE, Cancellation.none());
                report.failures().forEach(failure -> failures.put(failure.file(), failure.message()));
                out.printf("tagged %d file(s) in batch %d; undo with: genrelens undo %d --journal %s%n",
                        report.applied().size(), report.batchId(), report.batchId(), journalFile);
            }
        } else {
            out.println("nothing to change");
        }
        return report(failures, err);
    }

    /** Predicts each file's genre through the analysis pipeline; false when the model cannot be opened. */
    private boolean classify(List<Path> files, List<TagRequest> requests, Map<Path, String> failures,
            PrintWriter err) {
        AudioDecoder decoder = new AudioDecoder().preferringFfmpeg();
        try (GenreClassifier classifier = modelOptions.open()) {
            AnalysisStage stage = stages.create(new TrackAnalyzer(decoder, classifier), AnalysisMode.FULL);
            new AnalysisPipeline(stage, 0).run(files, (index, outcome) -> {
                if (outcome instanceof FileOutcome.Analysed analysed) {
                    requests.add(TagRequest.predicted(outcome.file(), analysed.prediction()));
                } else {
                    failures.put(outcome.file(), outcome.failure().orElseThrow());
                }
            }, ProgressListener.NONE, Cancellation.none());
            return true;
        } catch (ModelLoadException | ModelOptions.ModelNotFoundException e) {
            err.println("genrelens: " + e.getMessage());
            return false;
        }
    }

    private TagPolicy policy() {
        try {
            modelOptions.classifierOptions();
            return new TagPolicy(TagPolicy.Mode.parse(policy), minConfidence);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    static int report(Map<Path, String> failures, PrintWriter err) {
        if (failures.isEmpty()) {
            return ExitCodes.OK;
        }
        err.println(failures.size() + " file(s) failed:");
        failures.forEach((path, reason) -> err.println("  " + path + ": " + reason));
        return ExitCodes.FAILURES;
    }
}
