package org.genrelens.tags;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Vorbis comments of a FLAC, Ogg Vorbis or Ogg Opus file as the bytes on disk. JAudioTagger upper-cases every
 * field name and decodes values as UTF-8 (text some taggers wrote in Latin-1 comes back changed), so the snapshot
 * reads these and the writers put them back as they were.
 *
 * @param vendor   the vendor string's bytes
 * @param entries  each comment, {@code NAME=value}, in file order
 * @param trailing in an Opus comment header, whatever follows the comments (padding, or data RFC 7845 section 5.2
 *                 asks editors to keep); empty for the other formats
 */
record VorbisComments(byte[] vendor, List<byte[]> entries, byte[] trailing) {

    /** The comments of a .flac, .ogg or .opus file; null when it has none (or is another container). */
    static VorbisComments read(Path file) throws IOException {
        String extension = AudioTags.extension(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (extension.equals("flac")) {
                byte[] block = flacBlock(channel);
                return block == null ? null : parse(block, 0).withoutTrailing();
            }
            byte[] packet = extension.matches("ogg|oga|opus") ? oggCommentPacket(channel) : null;
            return packet == null ? null : parseOggPacket(packet);
        }
    }

    /** The comments in an Ogg comment header packet: Vorbis ("\3vorbis", then a framing bit) or Opus ("OpusTags"). */
    static VorbisComments parseOggPacket(byte[] packet) throws IOException {
        boolean opus = packet.length >= 8 && new String(packet, 0, 8, StandardCharsets.ISO_8859_1)
                .equals(OggOpusHeader.COMMENT_MAGIC);
        VorbisComments comments = parse(packet, opus ? 8 : 7);
        return opus ? comments : comments.withoutTrailing(); // a Vorbis packet's framing bit is not data
    }

    private VorbisComments withoutTrailing() {
        return new VorbisComments(vendor, entries, new byte[0]);
    }

    /**
     * These comments with their genre entries replaced by one per genre, at the place of the first one (at the end
     * when there was none) and under its name's spelling ("genre=" stays lower case); every other entry is kept as is.
     */
    VorbisComments withGenres(List<String> genres) {
        String genreName = "GENRE";
        int at = -1;
        List<byte[]> kept = new ArrayList<>();
        for (byte[] entry : entries) {
            if (name(entry).equals("GENRE")) {
                if (at < 0) {
                    at = kept.size();
                    genreName = new String(entry, 0, genreName.length(), StandardCharsets.UTF_8);
                }
            } else {
                kept.add(entry);
            }
        }
        List<byte[]> genreEntries = new ArrayList<>();
        for (String genre : genres) {
            genreEntries.add((genreName + "=" + genre).getBytes(StandardCharsets.UTF_8));
        }
        kept.addAll(at < 0 ? kept.size() : at, genreEntries);
        return new VorbisComments(vendor, kept, trailing);
    }

    /** An Opus comment header packet holding these comments. */
    byte[] opusPacket() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(OggOpusHeader.COMMENT_MAGIC.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(le32(vendor.length));
        out.writeBytes(vendor);
        out.writeBytes(le32(entries.size()));
        for (byte[] entry : entries) {
            out.writeBytes(le32(entry.length));
            out.writeBytes(entry);
        }
        out.writeBytes(trailing);
        return out.toByteArray();
    }

    private static byte[] le32(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }

    /** The upper-cased name of an entry, as JAudioTagger keys it. */
    static String name(byte[] entry) {
        String text = new String(entry, StandardCharsets.UTF_8);
        int equals = text.indexOf('=');
        return (equals < 0 ? "ERRONEOUS" : text.substring(0, equals)).toUpperCase(Locale.ROOT);
    }

    private static VorbisComments parse(byte[] packet, int offset) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(packet).order(ByteOrder.LITTLE_ENDIAN);
        try {
            b.position(offset);
            byte[] vendor = new byte[claimed(b, "vendor string")];
            b.get(vendor);
            int count = b.getInt();
            if (count < 0 || count > b.remaining() / 4) {
                throw new IOException("its Vorbis comment count " + Integer.toUnsignedString(count)
                        + " is more than the comment header holds");
            }
            List<byte[]> entries = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                byte[] entry = new byte[claimed(b, "comment " + (i + 1))];
                b.get(entry);
                entries.add(entry);
            }
            byte[] trailing = new byte[b.remaining()];
            b.get(trailing);
            return new VorbisComments(vendor, entries, trailing);
        } catch (RuntimeException e) {
            throw new IOException("damaged Vorbis comment block (" + e + ")", e);
        }
    }

    /** A length read from the packet, checked against what is left of it before anything is allocated. */
    private static int claimed(ByteBuffer b, String what) throws IOException {
        int length = b.getInt();
        if (length < 0 || length > b.remaining()) {
            throw new IOException("its Vorbis " + what + " claims " + Integer.toUnsignedString(length)
                    + " bytes, more than the comment header holds");
        }
        return length;
    }

    /** The VORBIS_COMMENT metadata block (type 4) of a FLAC stream. */
    private static byte[] flacBlock(FileChannel channel) throws IOException {
        long pos = 4;
        boolean last = false;
        while (!last && pos + 4 <= channel.size()) {
            ByteBuffer header = read(channel, pos, 4);
            last = (header.get(0) & 0x80) != 0;
            int type = header.get(0) & 0x7f;
            int length = (header.get(1) & 0xff) << 16 | (header.get(2) & 0xff) << 8 | (header.get(3) & 0xff);
            if (type == 4) {
                return read(channel, pos + 4, length).array();
            }
            pos += 4 + length;
        }
        return null;
    }

    /** The second packet of the first Ogg logical stream: the Vorbis comment header, however many pages it spans. */
    private static byte[] oggCommentPacket(FileChannel channel) throws IOException {
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        int packetIndex = 0;
        long pos = 0;
        while (pos + 27 <= channel.size()) {
            ByteBuffer header = read(channel, pos, 27);
            if (header.get(0) != 'O' || header.get(1) != 'g' || header.get(2) != 'g' || header.get(3) != 'S') {
                throw new IOException("lost Ogg page sync at byte " + pos);
            }
            int segments = header.get(26) & 0xff;
            ByteBuffer lacing = read(channel, pos + 27, segments);
            long body = pos + 27 + segments;
            for (int i = 0; i < segments; i++) {
                int lace = lacing.get(i) & 0xff;
                if (packetIndex == 1) {
                    packet.write(read(channel, body, lace).array(), 0, lace);
                }
                body += lace;
                if (lace < 255) {
                    if (packetIndex == 1) {
                        return packet.toByteArray();
                    }
                    packetIndex++;
                }
            }
            pos = body;
        }
        return null;
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("the file ends inside its Vorbis comments");
            }
        }
        return buffer;
    }
}
