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

/**
 * The frames of an ID3v2 tag as the bytes on disk (after undoing unsynchronisation), found at the start of an MP3
 * or in the ID3 chunk of a WAV or AIFF file. What a snapshot compares, so a frame JAudioTagger re-encodes while
 * reading and writing is still seen to change.
 *
 * @param version "ID3v2.2", "ID3v2.3" or "ID3v2.4"
 * @param frames  each frame's id and body, in file order
 */
record RawId3v2(String version, List<Frame> frames) {

    record Frame(String id, byte[] body) {
    }

    /** The file's ID3v2 tag, or null when it has none. */
    static RawId3v2 read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long start = switch (AudioTags.extension(file)) {
                case "mp3" -> 0;
                case "wav" -> chunk(channel, ByteOrder.LITTLE_ENDIAN);
                case "aif", "aiff", "aifc" -> chunk(channel, ByteOrder.BIG_ENDIAN);
                default -> -1;
            };
            if (start < 0 || start + 10 > channel.size()) {
                return null;
            }
            byte[] header = bytes(channel, start, 10);
            if (header[0] != 'I' || header[1] != 'D' || header[2] != '3') {
                return null;
            }
            int size = syncsafe(header, 6);
            return parse(header, bytes(channel, start + 10, (int) Math.min(size, channel.size() - start - 10)));
        }
    }

    private static RawId3v2 parse(byte[] header, byte[] tag) throws IOException {
        int major = header[3];
        if (major < 2 || major > 4) {
            throw new IOException("unknown ID3v2 version 2." + major);
        }
        boolean unsynchronised = (header[5] & 0x80) != 0;
        if (unsynchronised && major < 4) {
            tag = resynchronise(tag);
        }
        int pos = 0;
        if (major > 2 && (header[5] & 0x40) != 0 && tag.length >= 4) {
            pos = major == 3 ? 4 + ByteBuffer.wrap(tag).getInt(0) : syncsafe(tag, 0);
        }
        int idLength = major == 2 ? 3 : 4;
        int headerLength = major == 2 ? 6 : 10;
        List<Frame> frames = new ArrayList<>();
        while (pos + headerLength <= tag.length && tag[pos] != 0) {
            String id = new String(tag, pos, idLength, StandardCharsets.ISO_8859_1);
            int length = major == 2 ? (tag[pos + 3] & 0xff) << 16 | (tag[pos + 4] & 0xff) << 8 | (tag[pos + 5] & 0xff)
                    : major == 3 ? ByteBuffer.wrap(tag).getInt(pos + 4) : syncsafe(tag, pos + 4);
            if (length < 0 || pos + headerLength + length > tag.length) {
                throw new IOException("damaged ID3v2 frame " + id + " at byte " + pos);
            }
            byte[] body = java.util.Arrays.copyOfRange(tag, pos + headerLength, pos + headerLength + length);
            boolean frameUnsynchronised = major == 4 && (unsynchronised || (tag[pos + 9] & 0x02) != 0);
            frames.add(new Frame(id, frameUnsynchronised ? resynchronise(body) : body));
            pos += headerLength + length;
        }
        return new RawId3v2("ID3v2." + major, frames);
    }

    /** Undoes unsynchronisation: every FF 00 pair becomes FF. */
    private static byte[] resynchronise(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            out.write(bytes[i]);
            if ((bytes[i] & 0xff) == 0xff && i + 1 < bytes.length && bytes[i + 1] == 0) {
                i++;
            }
        }
        return out.toByteArray();
    }

    /** Where the content of the RIFF/IFF "id3 " chunk starts, or -1. */
    private static long chunk(FileChannel channel, ByteOrder order) throws IOException {
        long pos = 12;
        while (pos + 8 <= channel.size()) {
            byte[] header = bytes(channel, pos, 8);
            long size = ByteBuffer.wrap(header).order(order).getInt(4) & 0xffffffffL;
            if (new String(header, 0, 4, StandardCharsets.ISO_8859_1).equalsIgnoreCase("id3 ")) {
                return pos + 8;
            }
            pos += 8 + size + (size & 1);
        }
        return -1;
    }

    private static int syncsafe(byte[] b, int offset) {
        return (b[offset] & 0x7f) << 21 | (b[offset + 1] & 0x7f) << 14 | (b[offset + 2] & 0x7f) << 7
                | (b[offset + 3] & 0x7f);
    }

    private static byte[] bytes(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("the file ends inside its ID3v2 tag");
            }
        }
        return buffer.array();
    }
}
