package org.genrelens.app.library;

import org.genrelens.app.ExitCodes;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.genrelens.library.GenreGroups;
import org.genrelens.library.LibraryDatabase;
import org.genrelens.library.LibraryException;
import org.genrelens.library.Track;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code genrelens list [--by-genre]}: the tracks of the library. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists the library's present tracks, or with --by-genre groups them by their latest "
                + "analysis (plus uncertain, failed and not analysed).")
public final class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LibraryOptions library;

    @Mixin
    GenreMapOptions genreMapOptions;

    @Option(names = "--by-genre", description = "Group the tracks by predicted genre, named as the genre map shows it")
    boolean byGenre;

    @Override
    public Integer call() throws java.io.IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (LibraryDatabase db = library.open()) {
            Map<String, List<Track>> groups = GenreGroups.of(db, genreMapOptions.read());
            if (byGenre) {
                groups.forEach((group, tracks) -> {
                    out.println(group + " (" + tracks.size() + ")");
                    tracks.forEach(t -> out.println("  " + t.path()));
                });
            } else {
                groups.values().stream().flatMap(List::stream).map(t -> t.path().toString()).sorted()
                        .forEach(out::println);
            }
            return ExitCodes.OK;
        } catch (LibraryException e) {
            spec.commandLine().getErr().println("genrelens: " + e.getMessage());
            return ExitCodes.FAILURES;
        }
    }
}
