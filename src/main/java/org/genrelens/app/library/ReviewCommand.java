package org.genrelens.app.library;

import org.genrelens.app.ExitCodes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.genrelens.library.Analysis;
import org.genrelens.library.LibraryDatabase;
import org.genrelens.library.LibraryException;
import org.genrelens.tags.GenreMap;
import org.genrelens.workspace.Settings;
import org.genrelens.workspace.review.ReviewDecision;
import org.genrelens.workspace.review.ReviewItem;
import org.genrelens.workspace.review.ReviewQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code genrelens review}: the tracks whose genre a person should decide (decision 0021), and the decisions, which
 * become corrections that tagging writes and {@code train --library} learns.
 */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = {"Lists the tracks whose genre tag confidently disagrees with the audio, and the least sure "
                + "predictions of untagged tracks, ordered by how much a decision would teach the model.",
                "Decide with --accept, --keep-tag, --correct or --skip (stored as corrections for the next "
                        + "training), or one track at a time with --interactive.",
                "Reviews each track's newest analysis, as 'list' and 'tag --library' do."})
public final class ReviewCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LibraryOptions library;

    @Mixin
    GenreMapOptions genreMapOptions;

    @Option(names = "--json", description = "Print the queue as JSON")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
            description = "Show at most N tracks; 0 shows all (default: ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--min-confidence", paramLabel = "X",
            description = "A tag counts as contradicted from this confidence (0..1) on; below it an untagged "
                    + "track counts as unsure (default: the app's tagging threshold, 0.5)")
    Float minConfidence;

    @Option(names = "--accept", paramLabel = "PATH", description = "The audio is right: confirm the prediction")
    List<Path> accept = new ArrayList<>();

    @Option(names = "--keep-tag", paramLabel = "PATH", description = "The tag is right: confirm the tag's genre")
    List<Path> keepTag = new ArrayList<>();

    @Option(names = "--correct", paramLabel = "PATH=GENRE", description = "Confirm this genre (any spelling the "
            + "genre map knows, or a new genre)")
    List<String> correct = new ArrayList<>();

    @Option(names = "--skip", paramLabel = "PATH", description = "Do not decide; do not ask about this audio again")
    List<Path> skip = new ArrayList<>();

    @Option(names = "--interactive", description = "Ask about each track in turn: a(ccept), k(eep tag), "
            + "c(orrect), s(kip) or q(uit), one letter and Enter")
    boolean interactive;

    /** Where --interactive reads the answers; tests replace it. */
    public BufferedReader input = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        double threshold = minConfidence != null ? minConfidence : Settings.defaults().minConfidence();
        if (!(threshold >= 0 && threshold <= 1) || limit < 0) {
            throw new ParameterException(spec.commandLine(), "--min-confidence is in 0..1 and --limit is 0 or more");
        }
        List<Decision> decisions = decisions();
        if (interactive && (json || !decisions.isEmpty())) {
            throw new ParameterException(spec.commandLine(), "--interactive takes no --json and no decisions");
        }
        GenreMap genreMap = genreMapOptions.read();
        try (LibraryDatabase db = library.open()) {
            ReviewQueue queue = new ReviewQueue(db, genreMap);
            List<ReviewItem> items = queue.items(null, threshold);
            if (!decisions.isEmpty()) {
                return decide(queue, items, decisions, out, err);
            }
            if (interactive) {
                return new InteractiveReview(queue, input, out).run(items);
            }
            List<ReviewItem> shown = limit == 0 ? items : items.subList(0, Math.min(limit, items.size()));
            if (json) {
                ReviewPrinter.json(shown, out);
            } else if (items.isEmpty()) {
                out.println(emptyReason(db));
            } else {
                ReviewPrinter.text(shown, items.size(), out);
            }
            return ExitCodes.OK;
        } catch (LibraryException e) {
            err.println("genrelens: " + e.getMessage());
            return ExitCodes.FAILURES;
        }
    }

    private record Decision(Path path, ReviewDecision decision) {
    }

    private List<Decision> decisions() {
        List<Decision> decisions = new ArrayList<>();
        accept.forEach(path -> decisions.add(new Decision(path, ReviewDecision.accept())));
        keepTag.forEach(path -> decisions.add(new Decision(path, ReviewDecision.keepTag())));
        for (String pair : correct) {
            int split = pair.lastIndexOf('=');
            if (split <= 0 || pair.substring(split + 1).isBlank()) {
                throw new ParameterException(spec.commandLine(), "--correct takes PATH=GENRE, not '" + pair + "'");
            }
            decisions.add(new Decision(Path.of(pair.substring(0, split)),
                    ReviewDecision.correct(pair.substring(split + 1).strip())));
        }
        skip.forEach(path -> decisions.add(new Decision(path, ReviewDecision.skip())));
        return decisions;
    }

    /** Applies each decision to its track in the queue; a path not in the queue is reported, the rest go on. */
    private static int decide(ReviewQueue queue, List<ReviewItem> items, List<Decision> decisions, PrintWriter out,
            PrintWriter err) {
        int failures = 0;
        for (Decision decision : decisions) {
            Optional<ReviewItem> item = find(items, decision.path());
            if (item.isEmpty()) {
                err.println("genrelens: " + decision.path() + " is not in the review queue (not in the library, not "
                        + "analysed, already decided, or nothing to review); see genrelens review");
                failures++;
                continue;
            }
            try {
                Optional<String> genre = queue.decide(item.get(), decision.decision());
                out.println(genre.map(g -> "confirmed " + g + ": ").orElse("skipped: ") + item.get().track().path());
            } catch (IllegalArgumentException e) {
                err.println("genrelens: " + e.getMessage());
                failures++;
            }
        }
        return failures == 0 ? ExitCodes.OK : ExitCodes.FAILURES;
    }

    /** The library stores absolute paths as the scan found them (real paths where links were followed). */
    static Optional<ReviewItem> find(List<ReviewItem> items, Path given) {
        List<Path> spellings = new ArrayList<>(List.of(given.toAbsolutePath().normalize()));
        try {
            if (Files.exists(given)) {
                spellings.add(given.toRealPath());
            }
        } catch (IOException e) {
            // the absolute spelling is still tried
        }
        return items.stream().filter(item -> spellings.contains(item.track().path())).findFirst();
    }

    private static String emptyReason(LibraryDatabase db) {
        boolean analysed = db.analyses().latestPerTrack().values().stream()
                .anyMatch(analysis -> analysis.status() == Analysis.Status.OK);
        return analysed ? "nothing to review: every analysed track agrees with its tag, is decided, or is predicted "
                + "surely" : "nothing to review: no track is analysed yet; run genrelens scan and genrelens analyze "
                + "first";
    }
}
