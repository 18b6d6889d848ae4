package org.genrelens.app.library;

import org.genrelens.app.ExitCodes;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.UnaryOperator;
import org.genrelens.tags.GenreMap;
import org.genrelens.tags.GenreMapFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code genrelens genres ...}: shows and edits the user's genre map. Each edit reads the map, changes it, checks the
 * whole map and writes it back atomically; a refused edit leaves the file as it was. A GENRE argument may be any
 * spelling of the genre ("hip hop" names hiphop).
 */
@Command(name = "genres", mixinStandardHelpOptions = true,
        description = {"Shows and edits your genre map: canonical names, the spelling shown and written, aliases "
                + "(matched ignoring case, spaces, hyphens and &/and/n; ID3v1 numbers such as (17) too) and parents.",
                "The map applies to scanned tags, grouping, training from your tags and tag writes."})
public final class GenresCommand {

    @Spec
    CommandSpec spec;

    @Mixin
    GenreMapOptions genreMap;

    @Command(name = "list", description = "Lists every genre: name, display spelling, aliases and parents")
    int list(@Option(names = "--json", description = "As JSON, the same form as the map file") boolean json)
            throws IOException {
        GenreMap map = genreMap.read();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.print(GenreMapFile.toJson(map));
            out.flush();
            return ExitCodes.OK;
        }
        for (GenreMap.Genre genre : map.genres()) {
            StringBuilder line = new StringBuilder(genre.name()).append(": ").append(genre.display());
            if (!genre.aliases().isEmpty()) {
                line.append("  aliases ").append(String.join(", ", genre.aliases()));
            }
            if (!genre.parents().isEmpty()) {
                line.append("  parents ").append(String.join(", ", genre.parents()));
            }
            out.println(line);
        }
        return ExitCodes.OK;
    }

    @Command(name = "add", description = "Adds a genre")
    int add(@Parameters(paramLabel = "NAME", description = "Canonical name") String name,
            @Option(names = "--display", paramLabel = "SPELLING", description = "How it is shown and written "
                    + "(default: the name)") String display) throws IOException {
        return edit(map -> map.withGenre(name, display), "added " + name);
    }

    @Command(name = "alias", description = "Adds other spellings of a genre")
    int alias(@Parameters(index = "0", paramLabel = "GENRE") String genre,
            @Parameters(index = "1..*", arity = "1..*", paramLabel = "ALIAS") List<String> aliases)
            throws IOException {
        return edit(map -> {
            GenreMap changed = map;
            for (String alias : aliases) {
                changed = changed.withAlias(genre, alias);
            }
            return changed;
        }, "added " + aliases.size() + " alias(es) to " + genre);
    }

    @Command(name = "merge", description = "Folds genre FROM into INTO: FROM's spellings become INTO's aliases")
    int merge(@Parameters(index = "0", paramLabel = "FROM") String from,
            @Parameters(index = "1", paramLabel = "INTO") String into) throws IOException {
        return edit(map -> map.merged(from, into), "merged " + from + " into " + into);
    }

    @Command(name = "rename", description = "Gives a genre a new name and spelling; the old ones stay aliases")
    int rename(@Parameters(index = "0", paramLabel = "GENRE") String genre,
            @Parameters(index = "1", paramLabel = "NEW_NAME") String newName) throws IOException {
        return edit(map -> map.renamed(genre, newName), "renamed " + genre + " to " + newName);
    }

    @Command(name = "display", description = "Sets how a genre is shown and written (\"Hip-Hop\")")
    int display(@Parameters(index = "0", paramLabel = "GENRE") String genre,
            @Parameters(index = "1", paramLabel = "SPELLING") String spelling) throws IOException {
        return edit(map -> map.withDisplay(genre, spelling), genre + " is now shown as " + spelling);
    }

    @Command(name = "parent", description = "Adds a broader genre (a genre may have several)")
    int parent(@Parameters(index = "0", paramLabel = "GENRE") String genre,
            @Parameters(index = "1", paramLabel = "PARENT") String parent) throws IOException {
        return edit(map -> map.withParent(genre, parent), "added parent " + parent + " to " + genre);
    }

    @Command(name = "remove", description = "Removes a genre; its spellings are then kept as found")
    int remove(@Parameters(paramLabel = "GENRE") String genre) throws IOException {
        return edit(map -> map.without(genre), "removed " + genre);
    }

    private int edit(UnaryOperator<GenreMap> change, String done) throws IOException {
        GenreMap changed;
        try {
            changed = change.apply(genreMap.read());
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("genrelens: " + e.getMessage());
            return ExitCodes.FAILURES;
        }
        GenreMapFile.write(genreMap.file(), changed);
        spec.commandLine().getOut().println(done + " (" + genreMap.file() + ")");
        return ExitCodes.OK;
    }
}
