package org.genrelens.tags;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The user's genre vocabulary: each genre has a canonical name (what training and the model's labels use, e.g.
 * "hiphop"), a display spelling (what is shown and written, "Hip-Hop"), aliases, and any number of parents. Every
 * spelling is matched by its {@link GenreNames#key key}, so "Hip Hop", "hip-hop" and "HipHop" are one genre, and
 * ID3v1 numbers ("(17)") by the name they stand for. Immutable: each edit returns a new map.
 */
public final class GenreMap {

    /**
     * One genre of the vocabulary.
     *
     * @param name    canonical name (the model's label for the built-in genres)
     * @param display how the genre is shown and written
     * @param aliases other spellings that mean this genre
     * @param parents canonical names of broader genres (Techno → Electronic)
     */
    public record Genre(String name, String display, List<String> aliases, List<String> parents) {
        public Genre {
            name = requireText(name, "a genre's name");
            display = display == null || display.isBlank() ? name : display.strip();
            aliases = cleaned(aliases, "an alias of " + name);
            parents = cleaned(parents, "a parent of " + name);
        }

        private static List<String> cleaned(List<String> texts, String what) {
            LinkedHashSet<String> out = new LinkedHashSet<>();
            for (String text : texts == null ? List.<String>of() : texts) {
                out.add(requireText(text, what));
            }
            return List.copyOf(out);
        }

        /** Every spelling that means this genre: name, display and aliases. */
        public List<String> spellings() {
            List<String> all = new ArrayList<>(List.of(name, display));
            all.addAll(aliases);
            return all;
        }
    }

    /** Separators people put between several genres in one value; a comma is not one ("Folk, World, & Country"). */
    private static final Pattern VALUE_SEPARATOR = Pattern.compile("\\s*[;/|\\u0000]\\s*");

    private final List<Genre> genres;
    private final Map<String, Genre> byKey = new HashMap<>();
    private final Map<String, Genre> byName = new HashMap<>();

    public GenreMap(List<Genre> genres) {
        List<Genre> sorted = new ArrayList<>(genres);
        sorted.sort(Comparator.comparing(Genre::name));
        this.genres = List.copyOf(sorted);
        for (Genre genre : this.genres) {
            if (byName.putIfAbsent(genre.name(), genre) != null) {
                throw new IllegalArgumentException("the genre '" + genre.name() + "' is listed twice");
            }
            for (String spelling : genre.spellings()) {
                String key = GenreNames.key(spelling);
                if (key.isEmpty()) {
                    throw new IllegalArgumentException("'" + spelling + "' (of " + genre.name()
                            + ") has no letters or digits");
                }
                Genre other = byKey.putIfAbsent(key, genre);
                if (other != null && other != genre) {
                    throw new IllegalArgumentException("'" + spelling + "' would mean both " + other.name() + " and "
                            + genre.name() + "; merge them or remove the alias from one");
                }
            }
        }
        for (Genre genre : this.genres) {
            for (String parent : genre.parents()) {
                if (!byName.containsKey(parent)) {
                    throw new IllegalArgumentException("the parent '" + parent + "' of " + genre.name()
                            + " is not a genre of the map; add it first");
                }
            }
            if (ancestorNames(genre.name()).contains(genre.name())) {
                throw new IllegalArgumentException(genre.name() + " would be its own parent (a cycle of parents)");
            }
        }
    }

    /** No vocabulary: spellings are still matched by key, and written as given. */
    public static GenreMap empty() {
        return new GenreMap(List.of());
    }

    /** The built-in vocabulary: the bundled model's labels and common genres with their usual spellings. */
    public static GenreMap defaults() {
        return DefaultGenres.MAP;
    }

    public List<Genre> genres() {
        return genres;
    }

    /** The genre a spelling means: by key, else as an ID3v1 number's name. */
    public Optional<Genre> find(String spelling) {
        if (spelling == null || spelling.isBlank()) {
            return Optional.empty();
        }
        Genre genre = byKey.get(GenreNames.key(spelling));
        if (genre != null) {
            return Optional.of(genre);
        }
        return GenreNames.id3v1Name(spelling).flatMap(name -> Optional.ofNullable(byKey.get(GenreNames.key(name))));
    }

    /** The genre a spelling means, or a failure that says how to list the genres. */
    public Genre require(String spelling) {
        return find(spelling).orElseThrow(() -> new IllegalArgumentException("no genre is spelled '" + spelling
                + "'; see genrelens genres list"));
    }

    /** How a spelling is shown and written: its genre's display spelling, else the ID3v1 name, else as given. */
    public String display(String spelling) {
        return find(spelling).map(Genre::display)
                .orElseGet(() -> GenreNames.id3v1Name(spelling).orElse(spelling.strip()));
    }

    /** The canonical name of a spelling (the name training uses), else the spelling as {@link #display} gives it. */
    public String canonical(String spelling) {
        return find(spelling).map(Genre::name).orElseGet(() -> display(spelling));
    }

    /** Whether two spellings mean the same genre (by the map, else by key). */
    public boolean sameGenre(String one, String other) {
        return identity(one).equals(identity(other));
    }

    private String identity(String spelling) {
        return find(spelling).map(genre -> "genre:" + genre.name())
                .orElseGet(() -> "key:" + GenreNames.key(display(spelling)));
    }

    /**
     * The genres that tag values mean, as display spellings, each once and in order. A value that is no known
     * genre as a whole but holds several separated by ";", "/" or "|" is split; unknown spellings are kept (tidied
     * only by the ID3v1 table). Blank values are dropped.
     */
    public List<String> displayAll(List<String> values) {
        List<String> shown = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String value : values) {
            for (String part : parts(value)) {
                if (seen.add(identity(part))) {
                    shown.add(display(part));
                }
            }
        }
        return shown;
    }

    /** A value as one genre when the map knows it whole or it holds no separator, else its separated parts. */
    List<String> parts(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        if (find(value).isPresent() || !VALUE_SEPARATOR.matcher(value).find()) {
            return List.of(value.strip());
        }
        return VALUE_SEPARATOR.splitAsStream(value).filter(part -> !part.isBlank()).map(String::strip).toList();
    }

    /** Display spellings of every broader genre of a spelling (parents, their parents, ...), nearest first. */
    public List<String> ancestors(String spelling) {
        return find(spelling).map(genre -> ancestorNames(genre.name()).stream()
                .map(name -> byName.get(name).display()).toList()).orElse(List.of());
    }

    private List<String> ancestorNames(String name) {
        Set<String> found = new LinkedHashSet<>();
        List<String> frontier = new ArrayList<>(byName.get(name).parents());
        while (!frontier.isEmpty()) {
            String next = frontier.remove(0);
            if (found.add(next) && byName.containsKey(next)) {
                frontier.addAll(byName.get(next).parents());
            }
        }
        return List.copyOf(found);
    }

    // ---- edits: each returns a new map, validated as a whole

    /** Adds a new genre. */
    public GenreMap withGenre(String name, String display) {
        if (find(name).isPresent() || (display != null && !display.isBlank() && find(display).isPresent())) {
            throw new IllegalArgumentException("'" + name + "' already means " + find(name).or(() -> find(display))
                    .map(Genre::name).orElseThrow() + "; add an alias or rename instead");
        }
        return with(new Genre(name.strip(), display, List.of(), List.of()), null);
    }

    /** Adds another spelling of a genre. */
    public GenreMap withAlias(String genre, String alias) {
        Genre target = require(genre);
        find(alias).filter(other -> other != target).ifPresent(other -> {
            throw new IllegalArgumentException("'" + alias + "' already means " + other.name()
                    + "; merge " + other.name() + " into " + target.name() + " instead");
        });
        List<String> aliases = new ArrayList<>(target.aliases());
        aliases.add(alias.strip());
        return with(new Genre(target.name(), target.display(), aliases, target.parents()), target);
    }

    /** Sets how a genre is shown and written; the old display spelling stays an alias, so old tags still match. */
    public GenreMap withDisplay(String genre, String display) {
        Genre target = require(genre);
        List<String> aliases = new ArrayList<>(target.aliases());
        aliases.add(target.display());
        aliases.remove(display.strip());
        return with(new Genre(target.name(), display, aliases, target.parents()), target);
    }

    /** Gives a genre a new canonical name (and display spelling); the old ones stay aliases. */
    public GenreMap renamed(String genre, String newName) {
        Genre target = require(genre);
        find(newName).filter(other -> other != target).ifPresent(other -> {
            throw new IllegalArgumentException("'" + newName + "' already means " + other.name() + "; merge instead");
        });
        String name = newName.strip();
        List<String> aliases = new ArrayList<>(target.aliases());
        aliases.add(target.name());
        aliases.add(target.display());
        aliases.removeIf(alias -> GenreNames.key(alias).equals(GenreNames.key(name)));
        Genre renamed = new Genre(name, name, aliases, target.parents());
        List<Genre> out = new ArrayList<>();
        for (Genre other : genres) {
            out.add(other == target ? renamed : replaceParent(other, target.name(), name));
        }
        return new GenreMap(out);
    }

    /** Folds one genre into another: its spellings become the other's aliases, its parents and children move. */
    public GenreMap merged(String from, String into) {
        Genre source = require(from);
        Genre target = require(into);
        if (source == target) {
            throw new IllegalArgumentException("'" + from + "' and '" + into + "' are already one genre");
        }
        List<String> aliases = new ArrayList<>(target.aliases());
        aliases.addAll(source.spellings());
        List<String> parents = new ArrayList<>(target.parents());
        source.parents().stream().filter(parent -> !parent.equals(target.name())).forEach(parents::add);
        Genre joined = new Genre(target.name(), target.display(), aliases, parents);
        List<Genre> out = new ArrayList<>();
        for (Genre other : genres) {
            if (other == target) {
                out.add(replaceParent(joined, source.name(), null));
            } else if (other != source) {
                out.add(replaceParent(other, source.name(), target.name()));
            }
        }
        return new GenreMap(out);
    }

    /** Adds a broader genre to a genre. */
    public GenreMap withParent(String genre, String parent) {
        Genre target = require(genre);
        Genre broader = require(parent);
        List<String> parents = new ArrayList<>(target.parents());
        parents.add(broader.name());
        return with(new Genre(target.name(), target.display(), target.aliases(), parents), target);
    }

    /** Removes a genre, and it as a parent of others; its spellings become unknown again. */
    public GenreMap without(String genre) {
        Genre target = require(genre);
        List<Genre> out = new ArrayList<>();
        for (Genre other : genres) {
            if (other != target) {
                out.add(replaceParent(other, target.name(), null));
            }
        }
        return new GenreMap(out);
    }

    private GenreMap with(Genre changed, Genre replaced) {
        List<Genre> out = new ArrayList<>(genres);
        out.remove(replaced);
        out.add(changed);
        return new GenreMap(out);
    }

    /** The genre with one parent replaced (null: dropped); the genre itself never becomes its own parent. */
    private static Genre replaceParent(Genre genre, String parent, String replacement) {
        if (!genre.parents().contains(parent)) {
            return genre;
        }
        List<String> parents = new ArrayList<>();
        for (String existing : genre.parents()) {
            String now = existing.equals(parent) ? replacement : existing;
            if (now != null && !now.equals(genre.name())) {
                parents.add(now);
            }
        }
        return new Genre(genre.name(), genre.display(), genre.aliases(), parents);
    }

    private static String requireText(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(what + " may not contain NUL characters");
        }
        return text.strip();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GenreMap map && map.genres.equals(genres);
    }

    @Override
    public int hashCode() {
        return Objects.hash(genres);
    }

    @Override
    public String toString() {
        return "GenreMap" + genres;
    }
}
