package org.genrelens.tags;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The audio bytes of a file, without its tags, parsed per container: what a tag write must never change. For Ogg
 * the page framing (sequence numbers, CRCs) may legitimately be renumbered when the comment header grows, so the
 * payload is each audio page's granule position and body.
 */
final class AudioPayload {

    private AudioPayload() {
    }

    static byte[] of(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        byte[] payload = switch (extension) {
            case "mp3" -> mp3(bytes);
            case "flac" -> flac(bytes);
            case "ogg" -> ogg(bytes, 3);
            case "opus" -> ogg(bytes, 2);
            case "m4a" -> mp4Box(bytes, "mdat");
            case "wav" -> riffChunk(bytes, "data", ByteOrder.LITTLE_ENDIAN);
            case "aiff" -> riffChunk(bytes, "SSND", ByteOrder.BIG_ENDIAN);
            default -> throw new IllegalArgumentException("no payload parser for " + file);
        };
        if (payload.length < 1000) {
            throw new AssertionError("suspiciously small audio payload in " + file + ": " + payload.length);
        }
        return payload;
    }

    /** The MPEG frames: after any ID3v2 tags, before an ID3v1 tag. */
    private static byte[] mp3(byte[] b) {
        int start = 0;
        while (start + 10 <= b.length && ascii(b, start, 3).equals("ID3")) {
            int size = (b[start + 6] & 0x7f) << 21 | (b[start + 7] & 0x7f) << 14 | (b[start + 8] & 0x7f) << 7
                    | (b[start + 9] & 0x7f);
            boolean footer = (b[start + 5] & 0x10) != 0;
            start += 10 + size + (footer ? 10 : 0);
        }
        // JAudioTagger may pad with zeros after the declared tag; frames start at the first sync word
        while (start + 1 < b.length && !((b[start] & 0xff) == 0xff && (b[start + 1] & 0xe0) == 0xe0)) {
            if (b[start] != 0) {
                throw new AssertionError("garbage between the ID3 tag and the first MPEG frame at " + start);
            }
            start++;
        }
        int end = b.length;
        if (end - 128 >= start && ascii(b, end - 128, 3).equals("TAG")) {
            end -= 128;
        }
        return Arrays.copyOfRange(b, start, end);
    }

    /** The FLAC frames after the last metadata block. */
    private static byte[] flac(byte[] b) {
        if (!ascii(b, 0, 4).equals("fLaC")) {
            throw new AssertionError("not a FLAC stream");
        }
        int pos = 4;
        boolean last = false;
        while (!last) {
            last = (b[pos] & 0x80) != 0;
            int length = (b[pos + 1] & 0xff) << 16 | (b[pos + 2] & 0xff) << 8 | (b[pos + 3] & 0xff);
            pos += 4 + length;
        }
        return Arrays.copyOfRange(b, pos, b.length);
    }

    /** Granule position and body of every page after the header packets (three for Vorbis, two for Opus). */
    private static byte[] ogg(byte[] b, int headerPackets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        int packets = 0;
        while (pos < b.length) {
            if (!ascii(b, pos, 4).equals("OggS")) {
                throw new AssertionError("lost Ogg page sync at " + pos);
            }
            int segments = b[pos + 26] & 0xff;
            int bodyLength = 0;
            int completed = 0;
            for (int i = 0; i < segments; i++) {
                int lace = b[pos + 27 + i] & 0xff;
                bodyLength += lace;
                completed += lace < 255 ? 1 : 0;
            }
            int body = pos + 27 + segments;
            if (packets >= headerPackets) {
                out.write(b, pos + 6, 8); // granule position
                out.write(b, body, bodyLength);
            }
            packets += completed;
            pos = body + bodyLength;
        }
        return out.toByteArray();
    }

    /** The content of the first top-level MP4 box of this type. */
    private static byte[] mp4Box(byte[] b, String type) {
        ByteBuffer buffer = ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN);
        int pos = 0;
        while (pos + 8 <= b.length) {
            long size = buffer.getInt(pos) & 0xffffffffL;
            int header = 8;
            if (size == 1) {
                size = buffer.getLong(pos + 8);
                header = 16;
            } else if (size == 0) {
                size = b.length - pos;
            }
            if (ascii(b, pos + 4, 4).equals(type)) {
                return Arrays.copyOfRange(b, pos + header, (int) (pos + size));
            }
            pos += (int) size;
        }
        throw new AssertionError("no " + type + " box");
    }

    /** The content of a RIFF (WAV, little-endian) or IFF (AIFF, big-endian) chunk. */
    private static byte[] riffChunk(byte[] b, String id, ByteOrder order) {
        ByteBuffer buffer = ByteBuffer.wrap(b).order(order);
        int pos = 12;
        while (pos + 8 <= b.length) {
            int size = buffer.getInt(pos + 4);
            if (ascii(b, pos, 4).equals(id)) {
                return Arrays.copyOfRange(b, pos + 8, pos + 8 + size);
            }
            pos += 8 + size + (size & 1);
        }
        throw new AssertionError("no " + id + " chunk");
    }

    private static String ascii(byte[] b, int offset, int length) {
        return offset + length > b.length ? "" : new String(b, offset, length, StandardCharsets.ISO_8859_1);
    }
}
