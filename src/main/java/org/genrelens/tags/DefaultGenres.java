package org.genrelens.tags;

import java.util.ArrayList;
import java.util.List;

/**
 * The built-in vocabulary: the bundled model's labels (canonical names as the model spells them) with their usual
 * display spellings, and the genres people most often file under, with parents where one is obvious.
 */
final class DefaultGenres {

    static final GenreMap MAP = build();

    private DefaultGenres() {
    }

    private static GenreMap build() {
        List<GenreMap.Genre> genres = new ArrayList<>();
        // the bundled model's labels (models/genre-cnn.card.json), not-music aside: it is no genre
        genres.add(genre("blues", "Blues"));
        genres.add(genre("classical", "Classical", "Classical Music", "Klassik", "Orchestral"));
        genres.add(genre("country", "Country", "Country & Western", "Country Music"));
        genres.add(genre("disco", "Disco"));
        genres.add(genre("hiphop", "Hip-Hop", "Hip Hop Music", "Hip-Hop/Rap"));
        genres.add(genre("jazz", "Jazz"));
        genres.add(genre("metal", "Metal", "Heavy Metal"));
        genres.add(genre("pop", "Pop", "Pop Music"));
        genres.add(genre("reggae", "Reggae"));
        genres.add(genre("rock", "Rock", "Rock Music"));
        // common genres beyond the model's ten
        genres.add(genre("rnb", "R&B", "Rhythm and Blues", "R'n'B", "R&B/Soul"));
        genres.add(genre("electronic", "Electronic", "Electronica", "Electronic Music"));
        genres.add(child("techno", "Techno", "electronic"));
        genres.add(child("house", "House", "electronic"));
        genres.add(child("ambient", "Ambient", "electronic"));
        genres.add(child("trance", "Trance", "electronic"));
        genres.add(child("drumandbass", "Drum & Bass", "electronic", "DnB", "D&B"));
        genres.add(child("rap", "Rap", "hiphop"));
        genres.add(child("punk", "Punk", "rock", "Punk Rock"));
        genres.add(child("hardrock", "Hard Rock", "rock"));
        genres.add(child("alternative", "Alternative", "rock", "Alternative Rock", "Alt-Rock", "AlternRock"));
        genres.add(child("indie", "Indie", "rock", "Indie Rock"));
        genres.add(child("deathmetal", "Death Metal", "metal"));
        genres.add(child("bebop", "Bebop", "jazz", "Bebob"));
        genres.add(child("ska", "Ska", "reggae"));
        genres.add(child("dub", "Dub", "reggae"));
        genres.add(genre("soul", "Soul"));
        genres.add(genre("funk", "Funk"));
        genres.add(genre("folk", "Folk"));
        genres.add(genre("soundtrack", "Soundtrack", "Film Score", "Score", "OST"));
        genres.add(genre("world", "World", "World Music"));
        genres.add(genre("latin", "Latin"));
        genres.add(genre("gospel", "Gospel"));
        genres.add(genre("instrumental", "Instrumental"));
        return new GenreMap(genres);
    }

    private static GenreMap.Genre genre(String name, String display, String... aliases) {
        return new GenreMap.Genre(name, display, List.of(aliases), List.of());
    }

    private static GenreMap.Genre child(String name, String display, String parent, String... aliases) {
        return new GenreMap.Genre(name, display, List.of(aliases), List.of(parent));
    }
}
