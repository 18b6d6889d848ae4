package org.genrelens.tags;

import java.util.ArrayList;
import java.util.List;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.mp3.MP3File;
import org.jaudiotagger.tag.Tag;
import org.jaudiotagger.tag.id3.AbstractID3v2Tag;
import org.jaudiotagger.tag.id3.ID3v22Tag;
import org.jaudiotagger.tag.id3.ID3v23Tag;
import org.jaudiotagger.tag.id3.Id3SupportingTag;

/**
 * How a file's tag holds several genres. ID3v2.4 (null-separated values in one TCON frame), Vorbis comments (one
 * GENRE field each) and MP4 (one data item each in ©gen) define multiple values, and JAudioTagger writes them so.
 * ID3v2.3 and 2.2 define none: there the values are joined with {@value #ID3V23_SEPARATOR} into one, as MusicBrainz
 * Picard and mutagen do by default, which most players split again.
 */
enum GenreLayout {
    /** One value per genre. */
    SEPARATE_VALUES,
    /** All genres in one value, joined with {@value #ID3V23_SEPARATOR}. */
    JOINED;

    static final String ID3V23_SEPARATOR = "/";

    /** The layout of the tag a genre write to this file will change. */
    static GenreLayout of(AudioFile audio) {
        AbstractID3v2Tag id3 = null;
        if (audio instanceof MP3File mp3) {
            // an MP3 without ID3v2 gets an ID3v2.4 tag (GenreEdit)
            id3 = mp3.hasID3v2Tag() ? mp3.getID3v2Tag() : null;
        } else {
            Tag tag = audio.getTag();
            if (tag instanceof Id3SupportingTag holder) {
                id3 = holder.getID3Tag();
            }
        }
        return id3 instanceof ID3v23Tag || id3 instanceof ID3v22Tag ? JOINED : SEPARATE_VALUES;
    }

    /** The genres as the file holds them: each its own value, or joined into one. */
    List<String> store(List<String> genres) {
        if (this == SEPARATE_VALUES || genres.size() < 2) {
            return List.copyOf(genres);
        }
        return List.of(String.join(ID3V23_SEPARATOR, genres));
    }

    /** The genres in values stored this way: joined values are split again (never at a comma). */
    List<String> genres(List<String> stored) {
        if (this == SEPARATE_VALUES) {
            return List.copyOf(stored);
        }
        List<String> out = new ArrayList<>();
        for (String value : stored) {
            for (String part : value.split(ID3V23_SEPARATOR)) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }
}
