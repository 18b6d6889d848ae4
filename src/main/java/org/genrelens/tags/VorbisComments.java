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
 * The Vorbis comments of a FLAC or Ogg Vorbis file as the bytes on disk. JAudioTagger upper-cases every field name
 * and decodes values as UTF-8 (text some taggers wrote in Latin-1 comes back changed), so the snapshot reads these
 * and the writer puts them back as they were.
 *
 * @param vendor  the vendor string's bytes
 * @param entries each comment, {@code NAME=value}, in file order
 */
record VorbisComments(byte[] vendor, List<byte[]> entries) {

    /** The comments of a .flac or .ogg file; null when it has none (or is another container). */
    static VorbisComments read(Path file) throws IOException {
        String extension = AudioTags.extension(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            byte[] packet = extension.equals("flac") ? flacBlock(channel)
                    : extension.matches("ogg|oga") ? oggCommentPacket(channel) : null;
            return packet == null ? null : parse(packet, extension.equals("flac") ? 0 : 7);
        }
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
            byte[] vendor = new byte[b.getInt()];
            b.get(vendor);
            int count = b.getInt();
            List<byte[]> entries = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                byte[] entry = new byte[b.getInt()];
                b.get(entry);
                entries.add(entry);
            }
            return new VorbisComments(vendor, entries);
        } catch (RuntimeException e) {
            throw new IOException("damaged Vorbis comment block (" + e + ")", e);
        }
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
