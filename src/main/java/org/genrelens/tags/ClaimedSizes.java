package org.genrelens.tags;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * Checks the sizes a file's structure claims (ID3v2 tag, RIFF and AIFF chunks, FLAC metadata blocks and the lengths
 * inside Vorbis comments (FLAC, Ogg) and pictures, MP4 atoms and their table counts) against the file's length before
 * JAudioTagger reads it: JAudioTagger allocates what a header claims, so one crafted file could otherwise end a
 * whole scan with an OutOfMemoryError, even with a large heap. Only reads headers; touches nothing.
 */
final class ClaimedSizes {

    /** MP4 atoms whose children are atoms too ({@code meta} after 4 bytes of version and flags). */
    private static final Set<String> MP4_CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "stbl", "udta", "meta",
            "ilst", "edts", "dinf", "tref", "mvex", "moof", "traf");
    private static final int MAX_DEPTH = 16;

    private final Path file;
    private final FileChannel channel;
    private final long length;

    private ClaimedSizes(Path file, FileChannel channel) throws IOException {
        this.file = file;
        this.channel = channel;
        this.length = channel.size();
    }

    /** Throws when a size field claims more than the file (or its enclosing structure) holds. */
    static void check(Path file) throws TagFileException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            new ClaimedSizes(file, channel).checkAll();
        } catch (IOException e) {
            throw new TagFileException(file, TagFileException.Reason.UNREADABLE, "cannot read it ("
                    + TagFileException.describe(e, file) + ")", e);
        }
    }

    private void checkAll() throws IOException, TagFileException {
        long start = 0;
        if (is(0, "ID3")) {
            ByteBuffer header = read(6, 4);
            long size = header.limit() < 4 ? 0 : syncsafe(header);
            claim(10 + size, length, "its ID3v2 tag");
            start = 10 + size;
        }
        if (is(start, "RIFF")) {
            chunks(start + 12, Math.min(length, start + 8 + uint32(start + 4, ByteOrder.LITTLE_ENDIAN)),
                    ByteOrder.LITTLE_ENDIAN, "data");
        } else if (is(start, "FORM")) {
            chunks(start + 12, length, ByteOrder.BIG_ENDIAN, "SSND");
        } else if (is(start, "fLaC")) {
            flac(start + 4);
        } else if (is(start + 4, "ftyp")) {
            atoms(start, length, 0, false);
        } else if (is(start, "OggS")) {
            ogg();
        }
    }

    /** RIFF or AIFF chunks; the audio chunk may claim more than is there (a stream cut short), the others not. */
    private void chunks(long from, long end, ByteOrder order, String audioChunk) throws IOException, TagFileException {
        long at = from;
        while (at + 8 <= end) {
            String id = text(at, 4);
            long size = uint32(at + 4, order);
            if (id.equals(audioChunk) && at + 8 + size > end) {
                return; // nothing after it to read
            }
            claim(at + 8 + size, end, "its '" + id + "' chunk");
            at += 8 + size + (size & 1);
        }
    }

    private void flac(long from) throws IOException, TagFileException {
        long at = from;
        while (at + 4 <= length) {
            ByteBuffer header = read(at, 4);
            int type = header.get(0) & 0x7F;
            boolean last = (header.get(0) & 0x80) != 0;
            long size = ((header.get(1) & 0xFFL) << 16) | ((header.get(2) & 0xFFL) << 8) | (header.get(3) & 0xFFL);
            long end = at + 4 + size;
            claim(end, length, "its FLAC metadata block " + type);
            if (type == 4) {
                vorbisComment(read(at + 4, (int) size), 0);
            } else if (type == 6) {
                picture(at + 4, end);
            }
            if (last) {
                return;
            }
            at = end;
        }
    }

    /** A Vorbis comment (FLAC block, Ogg packet) held in {@code b} from {@code from} to its limit. */
    private void vorbisComment(ByteBuffer b, int from) throws TagFileException {
        b.order(ByteOrder.LITTLE_ENDIAN);
        long at = from;
        for (long i = -1, count = 0; i < count; i++) {
            String what = i < 0 ? "its Vorbis comment vendor" : "its Vorbis comment " + (i + 1);
            claim(at + 4, b.limit(), what + " length");
            long next = at + 4 + Integer.toUnsignedLong(b.getInt((int) at));
            claim(next, b.limit(), what);
            at = next;
            if (i < 0) {
                claim(at + 4, b.limit(), "its Vorbis comment count");
                count = Integer.toUnsignedLong(b.getInt((int) at));
                at += 4;
                claim(at + 4 * count, b.limit(), "its Vorbis comment count");
            }
        }
    }

    /** The Ogg stream's second packet, the comment header of Vorbis or Opus, gathered from its pages. */
    private void ogg() throws IOException, TagFileException {
        java.io.ByteArrayOutputStream packet = new java.io.ByteArrayOutputStream();
        int packetIndex = 0;
        long at = 0;
        while (at + 27 <= length && is(at, "OggS")) {
            int segments = read(at + 26, 1).get(0) & 0xFF;
            ByteBuffer lacing = read(at + 27, segments);
            long body = at + 27 + segments;
            for (int i = 0; i < lacing.limit(); i++) {
                int n = lacing.get(i) & 0xFF;
                if (packetIndex == 1) {
                    ByteBuffer part = read(body, n);
                    packet.write(part.array(), 0, part.limit());
                }
                body += n;
                if (n < 255 && ++packetIndex == 2) {
                    ByteBuffer comment = ByteBuffer.wrap(packet.toByteArray());
                    int header = comment.limit() > 8 && comment.get(0) == 'O' ? 8 : 7; // "OpusTags" or 3"vorbis"
                    if (comment.limit() > header) {
                        vorbisComment(comment, header);
                    }
                    return;
                }
            }
            at = body;
        }
    }

    private void picture(long from, long end) throws IOException, TagFileException {
        long at = lengthPrefixed(from + 4, end, ByteOrder.BIG_ENDIAN, "its picture's MIME type");
        at = lengthPrefixed(at, end, ByteOrder.BIG_ENDIAN, "its picture's description");
        lengthPrefixed(at + 16, end, ByteOrder.BIG_ENDIAN, "its picture's data");
    }

    /** A 32-bit length and what it counts; returns where the next field starts. */
    private long lengthPrefixed(long at, long end, ByteOrder order, String what) throws IOException, TagFileException {
        claim(at + 4, end, what + " length");
        long next = at + 4 + uint32(at, order);
        claim(next, end, what);
        return next;
    }

    private void atoms(long from, long end, int depth, boolean inItemList) throws IOException, TagFileException {
        long at = from;
        while (at + 8 <= end) {
            long size = uint32(at, ByteOrder.BIG_ENDIAN);
            String type = text(at + 4, 4);
            long header = 8;
            if (size == 1) {
                claim(at + 16, end, "its MP4 atom '" + type + "'");
                size = read(at + 8, 8).getLong();
                header = 16;
            } else if (size == 0) {
                size = end - at; // to the end of the file
            }
            if (size < header) {
                throw refuse("its MP4 atom '" + type + "' claims " + size + " bytes, less than its own header");
            }
            claim(at + size, end, "its MP4 atom '" + type + "'");
            long body = at + header;
            if (inItemList && depth < MAX_DEPTH) {
                atoms(body, at + size, depth + 1, false); // an iTunes item: its 'data', 'mean' and 'name' atoms
            } else if (MP4_CONTAINERS.contains(type) && depth < MAX_DEPTH) {
                // iTunes' meta is a full box (version and flags first), QuickTime's is not
                boolean fullBox = type.equals("meta") && uint32(body, ByteOrder.BIG_ENDIAN) == 0;
                atoms(fullBox ? body + 4 : body, at + size, depth + 1, type.equals("ilst"));
            } else if (type.equals("stco") || type.equals("stts") || type.equals("co64") || type.equals("stsc")) {
                int entry = switch (type) {
                    case "stco" -> 4;
                    case "stts", "co64" -> 8;
                    default -> 12;
                };
                claim(body + 8 + entry * uint32(body + 4, ByteOrder.BIG_ENDIAN), at + size, "its MP4 '" + type
                        + "' table");
            } else if (type.equals("stsz") && uint32(body + 4, ByteOrder.BIG_ENDIAN) == 0) {
                claim(body + 12 + 4 * uint32(body + 8, ByteOrder.BIG_ENDIAN), at + size, "its MP4 'stsz' table");
            }
            at += size;
        }
    }

    private void claim(long claimedEnd, long available, String what) throws TagFileException {
        if (claimedEnd > available || claimedEnd < 0) {
            throw refuse(what + " claims to end at byte " + claimedEnd + " but only " + available
                    + " are there");
        }
    }

    private TagFileException refuse(String detail) {
        return new TagFileException(file, TagFileException.Reason.UNREADABLE, "its structure is damaged or crafted: "
                + detail + "; its tags are not read (re-encode it, or check that it plays)");
    }

    private boolean is(long at, String magic) throws IOException {
        return at + magic.length() <= length && text(at, magic.length()).equals(magic);
    }

    private String text(long at, int n) throws IOException {
        ByteBuffer b = read(at, n);
        return new String(b.array(), 0, b.limit(), StandardCharsets.ISO_8859_1);
    }

    private long uint32(long at, ByteOrder order) throws IOException {
        ByteBuffer b = read(at, 4).order(order);
        return b.limit() < 4 ? 0 : Integer.toUnsignedLong(b.getInt(0));
    }

    private static long syncsafe(ByteBuffer b) {
        return (b.get(0) & 0x7FL) << 21 | (b.get(1) & 0x7FL) << 14 | (b.get(2) & 0x7FL) << 7 | (b.get(3) & 0x7FL);
    }

    /** Up to {@code n} bytes at {@code at} (fewer at the end of the file), flipped for reading. */
    private ByteBuffer read(long at, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining() && at + b.position() < length) {
            if (channel.read(b, at + b.position()) < 0) {
                break;
            }
        }
        return b.flip();
    }
}
