package org.genrelens.app;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Damages audio files the way disks, downloads and crafted files do, from a seeded random source: bit flips, cuts,
 * another format's header spliced in, runs of zero bytes, and size fields (MP4 atoms and table counts, RIFF/AIFF
 * chunks, FLAC metadata blocks and the lengths inside them, ID3v2, Vorbis comments) that claim far more than the
 * file holds.
 */
final class FileMutator {

    enum Kind { BIT_FLIPS, CUT, SPLICED_HEADER, ZERO_RUN, HUGE_SIZE }

    private static final String[] MP4_ATOMS = {"moov", "trak", "mdia", "minf", "stbl", "udta", "meta", "ilst",
        "chpl", "chap", "tref", "mdat", "stsd", "esds", "hdlr", "mvhd", "tkhd", "mdhd", "data", "free"};
    private static final String[] MP4_TABLES = {"stco", "stsz", "stts", "stsc", "co64", "chpl"};
    private static final String[] RIFF_CHUNKS = {"RIFF", "fmt ", "data", "LIST", "INFO", "id3 ", "ID3 "};
    private static final String[] AIFF_CHUNKS = {"FORM", "COMM", "SSND", "ID3 ", "NAME", "ANNO"};
    private static final long[] HUGE = {0x7FFF_FFFFL, 0xFFFF_FFFFL, 0x7FFF_FFF0L, 0x4000_0000L, 0x8000_0000L};

    private final Random random;

    FileMutator(long seed) {
        this.random = new Random(seed);
    }

    byte[] mutate(byte[] original, Kind kind, byte[] otherFormat) {
        byte[] b = original.clone();
        switch (kind) {
            case BIT_FLIPS -> {
                int flips = 1 + random.nextInt(24);
                for (int i = 0; i < flips; i++) {
                    // most flips land in the first 4 KB, where the headers and tags are
                    int at = random.nextInt(4) > 0 ? random.nextInt(Math.min(4096, b.length)) : random.nextInt(b.length);
                    b[at] ^= (byte) (1 << random.nextInt(8));
                }
                return b;
            }
            case CUT -> {
                return random.nextBoolean() ? Arrays.copyOf(b, random.nextInt(b.length))
                        : cutMiddle(b);
            }
            case SPLICED_HEADER -> {
                int n = Math.min(otherFormat.length, 16 + random.nextInt(4096));
                byte[] out = b.clone();
                System.arraycopy(otherFormat, 0, out, 0, Math.min(n, out.length));
                return out;
            }
            case ZERO_RUN -> {
                int at = random.nextInt(b.length);
                int length = Math.min(b.length - at, 1 + random.nextInt(random.nextBoolean() ? 64 : 8192));
                Arrays.fill(b, at, at + length, (byte) 0);
                return b;
            }
            case HUGE_SIZE -> {
                List<int[]> fields = sizeFields(b);
                if (fields.isEmpty()) {
                    return mutate(original, Kind.BIT_FLIPS, otherFormat);
                }
                int[] field = fields.get(random.nextInt(fields.size()));
                write(b, field[0], field[1], field[2] == 1, HUGE[random.nextInt(HUGE.length)]);
                return b;
            }
            default -> throw new IllegalArgumentException(kind.name());
        }
    }

    private byte[] cutMiddle(byte[] b) {
        int from = random.nextInt(b.length);
        int to = Math.min(b.length, from + 1 + random.nextInt(Math.max(1, b.length / 2)));
        byte[] out = new byte[b.length - (to - from)];
        System.arraycopy(b, 0, out, 0, from);
        System.arraycopy(b, to, out, from, b.length - to);
        return out;
    }

    /** Size fields found in the bytes: {offset, width in bytes, 1 if big-endian}. */
    private static List<int[]> sizeFields(byte[] b) {
        List<int[]> fields = new ArrayList<>();
        for (String atom : MP4_ATOMS) {
            for (int at : find(b, atom)) {
                if (at >= 4) {
                    fields.add(new int[] {at - 4, 4, 1});
                }
            }
        }
        for (String table : MP4_TABLES) {
            for (int at : find(b, table)) {
                if (at + 12 <= b.length) {
                    fields.add(new int[] {at + 8, 4, 1}); // entry count after version and flags
                }
            }
        }
        boolean riff = startsWith(b, "RIFF");
        for (String chunk : riff ? RIFF_CHUNKS : AIFF_CHUNKS) {
            for (int at : find(b, chunk)) {
                if (at + 8 <= b.length) {
                    fields.add(new int[] {at + 4, 4, riff ? 0 : 1});
                }
            }
        }
        if (startsWith(b, "ID3") && b.length > 10) {
            fields.add(new int[] {6, 4, 2}); // syncsafe: written as 0x7F bytes below
        }
        if (startsWith(b, "fLaC")) {
            flacFields(b, fields);
        }
        for (int at : find(b, "\u0003vorbis")) {
            if (at + 11 <= b.length) {
                fields.add(new int[] {at + 7, 4, 0}); // the comment header's vendor length
            }
        }
        return fields;
    }

    /** Each metadata block's 24-bit length, and the 32-bit lengths inside Vorbis comment and picture blocks. */
    private static void flacFields(byte[] b, List<int[]> fields) {
        int at = 4;
        while (at + 4 <= b.length) {
            int type = b[at] & 0x7F;
            boolean last = (b[at] & 0x80) != 0;
            int length = ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
            fields.add(new int[] {at + 1, 3, 1});
            int body = at + 4;
            if (type == 4 && body + 8 <= b.length) {
                fields.add(new int[] {body, 4, 0});
                int vendor = ByteBuffer.wrap(b, body, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
                if (vendor >= 0 && body + 8 + vendor <= b.length) {
                    fields.add(new int[] {body + 4 + vendor, 4, 0}); // the number of comments
                }
            }
            if (type == 6 && body + 8 <= b.length) {
                fields.add(new int[] {body + 4, 4, 1}); // MIME type length
            }
            if (last) {
                break;
            }
            at = body + length;
        }
    }

    private static void write(byte[] b, int offset, int width, boolean bigEndian, long value) {
        if (width == 4 && b[0] == 'I' && offset == 6) { // ID3v2 syncsafe size: the largest it can say
            Arrays.fill(b, 6, 10, (byte) 0x7F);
            return;
        }
        for (int i = 0; i < width && offset + i < b.length; i++) {
            int shift = bigEndian ? 8 * (width - 1 - i) : 8 * i;
            b[offset + i] = (byte) (value >>> shift);
        }
    }

    private static boolean startsWith(byte[] b, String text) {
        byte[] t = text.getBytes(StandardCharsets.ISO_8859_1);
        return b.length >= t.length && Arrays.equals(b, 0, t.length, t, 0, t.length);
    }

    private static List<Integer> find(byte[] b, String text) {
        byte[] t = text.getBytes(StandardCharsets.ISO_8859_1);
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i + t.length <= b.length && at.size() < 8; i++) {
            if (Arrays.equals(b, i, i + t.length, t, 0, t.length)) {
                at.add(i);
            }
        }
        return at;
    }
}
