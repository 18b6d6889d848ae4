package org.genrelens.tags;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * One Ogg page (RFC 3533) as its bytes on disk: a 27-byte header, the lacing values, the body. Read with every length
 * checked against the file before anything is allocated (a page is at most 27 + 255 + 255 * 255 bytes).
 *
 * @param offset where the page starts in its file
 * @param bytes  the whole page
 */
record OggPage(long offset, byte[] bytes) {

    static final int HEADER = 27;
    /** Header type flags. */
    static final int CONTINUED = 0x01;
    static final int FIRST = 0x02;
    static final int LAST = 0x04;
    /** The granule position of a page on which no packet ends. */
    static final long NO_GRANULE = -1;

    private static final int[] CRC_TABLE = crcTable();

    /** The page at {@code offset}; an IOException names the byte where the structure is damaged or cut short. */
    static OggPage read(FileChannel channel, long offset) throws IOException {
        long size = channel.size();
        if (offset + HEADER > size) {
            throw new IOException("the file ends inside the Ogg page header at byte " + offset + " (it is cut short)");
        }
        ByteBuffer header = read(channel, offset, HEADER);
        if (header.getInt(0) != 0x4F676753) { // "OggS"
            throw new IOException("no Ogg page starts at byte " + offset + " (lost sync: damaged, or not Ogg)");
        }
        if (header.get(4) != 0) {
            throw new IOException("the Ogg page at byte " + offset + " has unknown version " + header.get(4));
        }
        int segments = header.get(26) & 0xFF;
        if (offset + HEADER + segments > size) {
            throw new IOException("the file ends inside the Ogg page at byte " + offset + " (it is cut short)");
        }
        ByteBuffer lacing = read(channel, offset + HEADER, segments);
        int body = 0;
        for (int i = 0; i < segments; i++) {
            body += lacing.get(i) & 0xFF;
        }
        int length = HEADER + segments + body;
        if (offset + length > size) {
            throw new IOException("the file ends inside the Ogg page at byte " + offset + " (it is cut short)");
        }
        return new OggPage(offset, read(channel, offset, length).array());
    }

    /** A new page; its checksum is computed here. */
    static OggPage build(int flags, long granule, int serial, int sequence, byte[] lacing, byte[] body) {
        ByteBuffer b = ByteBuffer.allocate(HEADER + lacing.length + body.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x5367674F).put((byte) 0).put((byte) flags).putLong(granule).putInt(serial).putInt(sequence)
                .putInt(0).put((byte) lacing.length).put(lacing).put(body);
        return new OggPage(-1, withChecksum(b.array()));
    }

    int flags() {
        return bytes[5] & 0xFF;
    }

    long granule() {
        return little().getLong(6);
    }

    int serial() {
        return little().getInt(14);
    }

    int sequence() {
        return little().getInt(18);
    }

    int segments() {
        return bytes[26] & 0xFF;
    }

    int lace(int index) {
        return bytes[HEADER + index] & 0xFF;
    }

    /** Where the body starts within {@link #bytes()}. */
    int bodyStart() {
        return HEADER + segments();
    }

    long end() {
        return offset + bytes.length;
    }

    boolean checksumMatches() {
        return Arrays.equals(bytes, withChecksum(bytes.clone()));
    }

    /** The same page with another sequence number, its checksum recomputed. */
    OggPage renumbered(int sequence) {
        byte[] copy = bytes.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(18, sequence);
        return new OggPage(offset, withChecksum(copy));
    }

    private ByteBuffer little() {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Ogg's CRC-32 (polynomial 0x04c11db7, initial value 0, not reflected) over the page with its CRC field zero. */
    private static byte[] withChecksum(byte[] page) {
        ByteBuffer b = ByteBuffer.wrap(page).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(22, 0);
        int crc = 0;
        for (byte value : page) {
            crc = (crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ value) & 0xFF];
        }
        b.putInt(22, crc);
        return page;
    }

    private static int[] crcTable() {
        int[] table = new int[256];
        for (int i = 0; i < 256; i++) {
            int r = i << 24;
            for (int bit = 0; bit < 8; bit++) {
                r = (r & 0x80000000) != 0 ? (r << 1) ^ 0x04C11DB7 : r << 1;
            }
            table[i] = r;
        }
        return table;
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("the file ends inside the Ogg page at byte " + position);
            }
        }
        return buffer;
    }
}
