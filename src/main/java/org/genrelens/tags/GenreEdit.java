package org.genrelens.tags;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.mp3.MP3File;
import org.jaudiotagger.audio.mp4.atom.Mp4BoxHeader;
import org.jaudiotagger.tag.FieldDataInvalidException;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;
import org.jaudiotagger.tag.TagField;
import org.jaudiotagger.tag.flac.FlacTag;
import org.jaudiotagger.tag.vorbiscomment.VorbisCommentFieldKey;
import org.jaudiotagger.tag.vorbiscomment.VorbisCommentTag;
import org.jaudiotagger.tag.vorbiscomment.VorbisCommentTagField;
import org.jaudiotagger.tag.id3.AbstractID3v2Frame;
import org.jaudiotagger.tag.id3.AbstractID3v2Tag;
import org.jaudiotagger.tag.id3.AbstractTagFrameBody;
import org.jaudiotagger.tag.id3.ID3v1Tag;
import org.jaudiotagger.tag.id3.ID3v24Tag;
import org.jaudiotagger.tag.mp4.Mp4Tag;
import org.jaudiotagger.tag.mp4.field.Mp4TagRawBinaryField;
import org.jaudiotagger.tag.mp4.field.Mp4TagReverseDnsField;

/**
 * Replaces the genre values of an opened file and leaves every other field as JAudioTagger found it, working around
 * the places where a plain {@code setField(GENRE)} loses data:
 * <ul>
 * <li>an MP3 with only an ID3v1 tag gets a new ID3v2 tag for the genre (ID3v1 holds one of 192 fixed genres);
 * readers then prefer that tag, so it is given copies of the ID3v1 fields, and the ID3v1 tag stays as it was;</li>
 * <li>a replaced ID3 genre frame keeps the text encoding of the frame it replaces, so undo gives back its bytes;</li>
 * <li>MP4 freeform ({@code ----}) items are written back from their bytes on disk: JAudioTagger decodes them as
 * text, which turns binary data into something else;</li>
 * <li>Vorbis comments likewise: JAudioTagger upper-cases their names and re-encodes their values as UTF-8.</li>
 * </ul>
 * What this misses, the write's field-by-field check still catches ({@link TagSnapshot}).
 */
final class GenreEdit {

    /** The ID3v1 fields copied into an ID3v2 tag made beside it. */
    private static final String VENDOR = VorbisCommentFieldKey.VENDOR.getFieldName();
    private static final String GENRE = VorbisCommentFieldKey.GENRE.getFieldName();

    private static final List<FieldKey> ID3V1_FIELDS = List.of(FieldKey.TITLE, FieldKey.ARTIST, FieldKey.ALBUM,
            FieldKey.YEAR, FieldKey.TRACK, FieldKey.COMMENT);

    private GenreEdit() {
    }

    /**
     * Sets the genres (none removes the field). Does not commit.
     *
     * @param tagsToKeep for undo, the tags the file had before the write being undone (null for a new write)
     * @return true when, instead, the whole ID3 tag must go (the write being undone created it): the caller removes
     *         it with {@link CreatedTagRemoval} rather than committing
     */
    static boolean apply(AudioFile audio, Path file, List<String> genres, List<String> tagsToKeep)
            throws FieldDataInvalidException, IOException {
        if (tagsToKeep != null && tagsToKeep.stream().noneMatch(t -> t.startsWith("ID3v2")) && hasId3v2(audio)) {
            return true;
        }
        Tag tag = audio instanceof MP3File mp3 ? id3v2For(mp3) : audio.getTagOrCreateAndSetDefault();
        if (tag instanceof Mp4Tag mp4) {
            keepFreeformBytes(mp4, file);
        }
        VorbisCommentTag vorbis = tag instanceof FlacTag flac ? flac.getVorbisCommentTag()
                : tag instanceof VorbisCommentTag comments ? comments : null;
        String vorbisGenreName = vorbis == null ? null : keepVorbisBytes(vorbis, file);
        Byte encoding = genreFrameEncoding(tag);
        tag.deleteField(FieldKey.GENRE);
        for (String genre : genres) {
            if (vorbis != null) {
                // spelled as the file spelled it ("genre=" stays lower case), so undo gives back the same bytes
                vorbis.addField(new RawVorbisComment((vorbisGenreName + "=" + genre).getBytes(StandardCharsets.UTF_8)));
            } else {
                tag.addField(FieldKey.GENRE, genre);
            }
        }
        if (encoding != null) {
            setGenreFrameEncoding(tag, encoding);
        }
        return false;
    }

    private static boolean hasId3v2(AudioFile audio) {
        if (audio instanceof MP3File mp3) {
            return mp3.hasID3v2Tag();
        }
        Tag tag = audio.getTag();
        return tag instanceof org.jaudiotagger.tag.wav.WavTag wav ? wav.isExistingId3Tag()
                : tag instanceof org.jaudiotagger.tag.aiff.AiffTag aiff && aiff.isExistingId3Tag();
    }

    private static Tag id3v2For(MP3File mp3) throws FieldDataInvalidException {
        if (mp3.hasID3v2Tag()) {
            return mp3.getID3v2Tag();
        }
        ID3v24Tag created = new ID3v24Tag();
        ID3v1Tag v1 = mp3.getID3v1Tag();
        if (v1 != null) {
            for (FieldKey key : ID3V1_FIELDS) {
                String value = v1.getFirst(key).strip();
                if (!value.isEmpty() && !value.equals("0")) {
                    created.setField(key, value);
                }
            }
        }
        // setID3v2TagOnly: setID3v2Tag would also overwrite the ID3v1 tag from the new one
        mp3.setID3v2TagOnly(created);
        return created;
    }

    private static Byte genreFrameEncoding(Tag tag) {
        AbstractTagFrameBody body = genreFrameBody(tag);
        return body == null ? null : body.getTextEncoding();
    }

    private static void setGenreFrameEncoding(Tag tag, byte encoding) {
        AbstractTagFrameBody body = genreFrameBody(tag);
        if (body != null) {
            body.setTextEncoding(encoding);
        }
    }

    private static AbstractTagFrameBody genreFrameBody(Tag tag) {
        AbstractID3v2Tag id3 = tag instanceof AbstractID3v2Tag direct ? direct
                : tag instanceof org.jaudiotagger.tag.id3.Id3SupportingTag holder ? holder.getID3Tag() : null;
        if (id3 == null) {
            return null;
        }
        for (Iterator<TagField> it = id3.getFields(); it.hasNext(); ) {
            TagField field = it.next();
            if (field instanceof AbstractID3v2Frame frame && TagSnapshot.isGenre("ID3 " + frame.getId())) {
                return frame.getBody();
            }
        }
        return null;
    }

    /**
     * Swaps JAudioTagger's decoded comments for the comments' bytes on disk (name case and encoding kept); returns
     * the genre field's name as the file spells it ("GENRE" when it has none).
     */
    private static String keepVorbisBytes(VorbisCommentTag tag, Path file) throws IOException {
        VorbisComments comments = VorbisComments.read(file);
        if (comments == null) {
            return GENRE;
        }
        List<String> ids = new ArrayList<>();
        for (Iterator<TagField> it = tag.getFields(); it.hasNext(); ) {
            String id = it.next().getId();
            if (!id.equals(VENDOR) && !ids.contains(id)) {
                ids.add(id);
            }
        }
        ids.forEach(tag::deleteField);
        String genreName = GENRE;
        for (byte[] entry : comments.entries()) {
            String name = VorbisComments.name(entry);
            if (name.equals(GENRE) && genreName.equals(GENRE)) {
                genreName = new String(entry, StandardCharsets.UTF_8).substring(0, GENRE.length());
            }
            if (!name.equals(VENDOR)) {
                tag.addField(new RawVorbisComment(entry));
            }
        }
        return genreName;
    }

    /** A Vorbis comment written back as the exact bytes it was read from. */
    private static final class RawVorbisComment extends VorbisCommentTagField {
        private final byte[] entry;

        RawVorbisComment(byte[] entry) throws UnsupportedEncodingException {
            super(entry);
            this.entry = entry.clone();
        }

        @Override
        public byte[] getRawContent() {
            return ByteBuffer.allocate(4 + entry.length).order(ByteOrder.LITTLE_ENDIAN).putInt(entry.length)
                    .put(entry).array();
        }
    }

    /** Swaps JAudioTagger's decoded freeform fields for the items' bytes as they are on disk. */
    private static void keepFreeformBytes(Mp4Tag tag, Path file) throws IOException {
        List<String> freeformIds = new ArrayList<>();
        for (Iterator<TagField> it = tag.getFields(); it.hasNext(); ) {
            TagField field = it.next();
            if (field instanceof Mp4TagReverseDnsField && !freeformIds.contains(field.getId())) {
                freeformIds.add(field.getId());
            }
        }
        freeformIds.forEach(tag::deleteField);
        for (byte[] item : TagSnapshots.mp4FreeformItems(file)) {
            ByteBuffer buffer = ByteBuffer.wrap(item);
            Mp4BoxHeader header = new Mp4BoxHeader(buffer);
            tag.addField(new Mp4TagRawBinaryField(header, buffer.slice()));
        }
    }
}
