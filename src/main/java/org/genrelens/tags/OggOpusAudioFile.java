package org.genrelens.tags;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.exceptions.CannotReadException;
import org.jaudiotagger.audio.exceptions.CannotWriteException;
import org.jaudiotagger.audio.generic.GenericAudioHeader;
import org.jaudiotagger.tag.vorbiscomment.VorbisCommentReader;
import org.jaudiotagger.tag.vorbiscomment.VorbisCommentTag;

/**
 * An Ogg Opus file opened the way JAudioTagger opens the formats it knows, which it cannot do for Opus: its comment
 * header ({@link OggOpusHeader}) is parsed by JAudioTagger's own Vorbis comment reader, so genres, title, artist and
 * album read exactly as in an Ogg Vorbis file, and the snapshot and planner treat it like one. Writing goes through
 * {@link OpusCommentWriter} (see {@link AudioTags#writeGenres}); {@link #commit()} refuses.
 */
final class OggOpusAudioFile extends AudioFile {

    private OggOpusAudioFile(Path file, GenericAudioHeader header, VorbisCommentTag tag) {
        super(file.toFile(), header, tag);
    }

    static OggOpusAudioFile read(Path file) throws TagFileException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            OggOpusHeader opus = OggOpusHeader.read(channel);
            byte[] packet = opus.commentPacket();
            VorbisComments.parseOggPacket(packet); // its lengths, checked before JAudioTagger allocates them
            VorbisCommentTag tag = new VorbisCommentReader().read(Arrays.copyOfRange(packet,
                    OggOpusHeader.COMMENT_MAGIC.length(), packet.length), false, file);
            GenericAudioHeader header = new GenericAudioHeader();
            header.setFormat("Opus");
            header.setEncodingType("Opus");
            header.setChannelNumber(opus.channels());
            header.setSamplingRate(48_000); // Opus always decodes at 48 kHz
            return new OggOpusAudioFile(file, header, tag);
        } catch (IOException | CannotReadException | RuntimeException e) {
            throw new TagFileException(file, TagFileException.Reason.UNREADABLE, "cannot read its Opus tags ("
                    + (e instanceof IOException io ? TagFileException.describe(io, file) : e.getMessage())
                    + "); check that it plays, or re-encode it", e);
        }
    }

    @Override
    public void commit() throws CannotWriteException {
        throw new CannotWriteException("Opus tags are written by OpusCommentWriter, not JAudioTagger");
    }
}
