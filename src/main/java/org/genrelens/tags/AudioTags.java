package org.genrelens.tags;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.audio.exceptions.CannotReadException;
import org.jaudiotagger.audio.exceptions.CannotWriteException;
import org.jaudiotagger.audio.exceptions.InvalidAudioFrameException;
import org.jaudiotagger.audio.exceptions.ReadOnlyFileException;
import org.jaudiotagger.audio.wav.WavOptions;
import org.jaudiotagger.audio.wav.WavSaveOptions;
import org.jaudiotagger.tag.FieldDataInvalidException;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;
import org.jaudiotagger.tag.TagException;
import org.jaudiotagger.tag.TagOptionSingleton;

/**
 * The one place that talks to JAudioTagger: opens a file, reads and replaces its genre values, commits. Ogg Opus,
 * which JAudioTagger cannot open, is opened by {@link OggOpusAudioFile} (its comments read by JAudioTagger) and written
 * by {@link OpusCommentWriter}; an .ogg or .oga file holding Opus goes that way too. Not thread-safe across files
 * being written at once (JAudioTagger's options are global); the writer is sequential.
 */
final class AudioTags {

    /** Extensions JAudioTagger chooses its reader by; anything else is refused before it is touched. */
    static final Set<String> EXTENSIONS = Set.of("mp3", "flac", "ogg", "oga", "opus", "m4a", "m4b", "mp4", "aac",
            "wav", "aif", "aiff", "aifc");

    // held strongly: java.util.logging forgets the level of a logger nobody references
    private static final Logger JAUDIOTAGGER_LOG = Logger.getLogger("org.jaudiotagger");

    static {
        // JAudioTagger logs routine progress at SEVERE; its real failures reach us as exceptions
        JAUDIOTAGGER_LOG.setLevel(Level.OFF);
        TagOptionSingleton options = TagOptionSingleton.getInstance();
        // as text, so "Rock" stays "Rock" instead of becoming the ID3v1 index "(17)" or an MP4 gnre number,
        // which would make values (and undo) depend on a 1990s genre list
        options.setWriteMp3GenresAsText(true);
        options.setWriteMp4GenresAsText(true);
        // an ID3 tag made for a WAV or AIFF is ID3v2.4, which defines several genre values (MP3s get one in GenreEdit)
        options.setID3V2Version(org.jaudiotagger.tag.reference.ID3V2Version.ID3_V24);
        // WAV: the genre lives in the ID3 chunk (multi-valued, read by players); a LIST/INFO chunk is kept as is
        options.setWavOptions(WavOptions.READ_ID3_ONLY);
        options.setWavSaveOptions(WavSaveOptions.SAVE_EXISTING_AND_ACTIVE);
    }

    private AudioTags() {
    }

    static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static AudioFile open(Path file) throws TagFileException {
        if (!EXTENSIONS.contains(extension(file))) {
            throw new TagFileException(file, TagFileException.Reason.UNSUPPORTED_FORMAT,
                    "GenreLens writes tags to mp3, flac, ogg, opus, m4a, wav and aiff files only; convert the file or "
                            + "tag it with another tool");
        }
        if (!Files.isRegularFile(file)) {
            throw new TagFileException(file, TagFileException.Reason.UNREADABLE, "no such file; rescan the library");
        }
        ClaimedSizes.check(file);
        String extension = extension(file);
        if (extension.equals("opus") || extension.matches("ogg|oga") && OggOpusHeader.isOpus(file)) {
            return OggOpusAudioFile.read(file);
        }
        try {
            return AudioFileIO.read(file.toFile());
        } catch (CannotReadException | IOException | TagException | ReadOnlyFileException
                | InvalidAudioFrameException | RuntimeException e) {
            throw new TagFileException(file, TagFileException.Reason.UNREADABLE,
                    "cannot read its tags (" + e.getMessage() + "); check that it plays, or re-encode it", e);
        }
    }

    static List<String> genres(AudioFile audio) {
        Tag tag = audio.getTag();
        return tag == null ? List.of() : List.copyOf(tag.getAll(FieldKey.GENRE));
    }

    static TrackTags tags(AudioFile audio) {
        Tag tag = audio.getTag();
        if (tag == null) {
            return TrackTags.empty();
        }
        return new TrackTags(tag.getFirst(FieldKey.TITLE), tag.getFirst(FieldKey.ARTIST),
                tag.getFirst(FieldKey.ALBUM), genres(audio));
    }

    /**
     * Replaces every genre value (none removes the field), keeping every other field, and writes the file in place
     * (see {@link GenreEdit}); {@code tagsToKeep} non-null also drops tags not named in it (undo of a created tag).
     */
    static void writeGenres(AudioFile audio, Path file, Path shownAs, List<String> genres, List<String> tagsToKeep)
            throws TagFileException {
        if (audio instanceof OggOpusAudioFile) {
            OpusCommentWriter.replaceGenres(file, shownAs, genres); // its comment header always exists: no tag to drop
            return;
        }
        try {
            if (GenreEdit.apply(audio, file, genres, tagsToKeep)) {
                CreatedTagRemoval.removeId3(file);
            } else {
                audio.commit();
            }
        } catch (FieldDataInvalidException | CannotWriteException | IOException | RuntimeException e) {
            throw new TagFileException(shownAs, TagFileException.Reason.WRITE_FAILED,
                    "cannot write the genre (" + e.getMessage() + "); the original file is untouched", e);
        }
    }
}
