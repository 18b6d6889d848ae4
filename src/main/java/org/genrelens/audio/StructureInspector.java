package org.genrelens.audio;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the lengths a file's own headers announce and compares them with its size, so an interrupted download is
 * reported as {@link AudioDecodeException.Reason#TRUNCATED} whatever the decoder does with it (most decoders just
 * stop early, and a cut file would otherwise pass for a shorter song).
 */
final class StructureInspector {

    /**
     * @param truncatedBecause why the file is known to be cut short, or null when nothing says so
     * @param expectedFrames   frames per channel the headers promise (FLAC total samples, the granule position of
     *                         the last Vorbis page, an MP3's Xing frame count less LAME's delay and padding), or -1
     * @param bitsPerSample    bit depth the headers state (FLAC), or 0
     * @param jvmSkipFrames    frames the Java MP3 decoder emits before the music starts (the Xing/Info frame it
     *                         decodes as silence, the encoder delay and the 529-sample decoder delay); ffmpeg
     *                         removes these itself
     * @param endVerified      true when the file's end was seen intact (an Ogg end-of-stream page), so fewer
     *                         samples than expected means a decoder failure rather than a cut file
     * @param intactBytes      how many bytes from the start of the file the Java decoder may read: for FLAC, up to
     *                         the first frame that fails its checksums ({@link FlacFrameScanner}); -1 for all
     * @param damagedBecause   why the file's data is known to be damaged (not cut short), or null
     * @param startupFrames    frames of the codec's start-up that a sound decoder may leave out of
     *                         {@code expectedFrames} without the file being damaged: for Vorbis, what its first
     *                         packet spans (decoders discard that packet's output, and ffmpeg counts it against the
     *                         stream's length in short files); 0 where the headers already account for it
     */
    record Structure(String truncatedBecause, long expectedFrames, int bitsPerSample, long jvmSkipFrames,
            boolean endVerified, long intactBytes, String damagedBecause, long startupFrames) {
        static final Structure UNKNOWN = new Structure(null, -1, 0, 0, false);

        Structure {
            if (startupFrames < 0) {
                throw new IllegalArgumentException("startupFrames must be >= 0, was " + startupFrames);
            }
        }

        Structure(String truncatedBecause, long expectedFrames, int bitsPerSample, long jvmSkipFrames,
                boolean endVerified) {
            this(truncatedBecause, expectedFrames, bitsPerSample, jvmSkipFrames, endVerified, -1, null, 0);
        }

        Structure(String truncatedBecause, long expectedFrames, int bitsPerSample, long jvmSkipFrames,
                boolean endVerified, long intactBytes, String damagedBecause) {
            this(truncatedBecause, expectedFrames, bitsPerSample, jvmSkipFrames, endVerified, intactBytes,
                    damagedBecause, 0);
        }

        /**
         * True when {@code decodedFrames} is every frame the headers announce, less at most the codec's start-up:
         * a shortfall beyond that is a cut or damaged file. Always true when the headers announce no length.
         */
        boolean complete(long decodedFrames) {
            return expectedFrames <= 0 || decodedFrames + startupFrames >= expectedFrames;
        }

        static Structure truncated(String why) {
            return new Structure(why, -1, 0, 0, false);
        }

        boolean truncated() {
            return truncatedBecause != null;
        }

        boolean damaged() {
            return damagedBecause != null;
        }
    }

    private StructureInspector() {
    }

    static Structure inspect(Path file, ContentSniffer.Sniff sniff) throws IOException {
        return inspect(file, sniff, true);
    }

    /**
     * @param checkFlacFrames false to skip checking every FLAC frame's checksums (which reads the whole file): quick
     *                        mode reads only parts of the file and lets ffmpeg judge those
     */
    static Structure inspect(Path file, ContentSniffer.Sniff sniff, boolean checkFlacFrames) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            return switch (sniff.format()) {
                case WAV -> riffChunks(channel, size, "data", false);
                case AIFF -> riffChunks(channel, size, "SSND", true);
                case AU -> au(channel, size);
                case MP3 -> mpeg(channel, size, sniff.payloadOffset());
                case FLAC -> flac(channel, size, sniff.payloadOffset(), checkFlacFrames);
                case OGG_VORBIS, OGG_OPUS, OGG_OTHER -> ogg(channel, size, sniff.format() == ContainerFormat.OGG_VORBIS);
                case MP4 -> mp4(channel, size);
                default -> Structure.UNKNOWN;
            };
        }
    }

    /** WAV (little-endian) and AIFF (big-endian) are both lists of id+size chunks after a 12-byte header. */
    private static Structure riffChunks(SeekableByteChannel channel, long size, String dataId, boolean bigEndian)
            throws IOException {
        long pos = 12;
        while (pos + 8 <= size) {
            byte[] h = ContentSniffer.read(channel, pos, 8);
            long declared = bigEndian ? u32be(h, 4) : u32le(h, 4);
            long available = size - pos - 8;
            if (ContentSniffer.startsWith(h, 0, dataId)) {
                // 0 and 0xFFFFFFFF are written by streaming writers that never came back to fill the size in
                if (declared != 0 && declared != 0xFFFF_FFFFL && declared > available) {
                    return Structure.truncated("its " + dataId.trim() + " chunk announces " + declared
                            + " bytes but only " + available + " follow");
                }
                return Structure.UNKNOWN;
            }
            pos += 8 + declared + (declared & 1);
        }
        return Structure.truncated("the file ends before its audio data begins");
    }

    private static Structure au(SeekableByteChannel channel, long size) throws IOException {
        byte[] h = ContentSniffer.read(channel, 0, 12);
        if (h.length < 12) {
            return Structure.truncated("the file ends inside its header");
        }
        long offset = u32be(h, 4);
        long declared = u32be(h, 8);
        if (offset > size) {
            return Structure.truncated("the file ends before its audio data begins");
        }
        if (declared != 0xFFFF_FFFFL && offset + declared > size) {
            return Structure.truncated("its header announces " + declared + " bytes of audio but only "
                    + (size - offset) + " follow");
        }
        return Structure.UNKNOWN;
    }

    /** Encoders (LAME, ffmpeg) put the stream's byte count in a Xing/Info or VBRI tag in the first frame. */
    private static Structure mpeg(SeekableByteChannel channel, long size, long start) throws IOException {
        byte[] frame = ContentSniffer.read(channel, start, 192);
        MpegFrameHeader header = MpegFrameHeader.parse(frame, 0);
        if (header == null) {
            return Structure.UNKNOWN;
        }
        long announced = -1;
        long frames = -1;
        long skip = 0;
        long delay = 0;
        long padding = 0;
        int xing = header.xingOffset();
        if (ContentSniffer.startsWith(frame, xing, "Xing") || ContentSniffer.startsWith(frame, xing, "Info")) {
            long flags = u32be(frame, xing + 4);
            int field = xing + 8;
            if ((flags & 1) != 0) {
                frames = u32be(frame, field);
                field += 4;
            }
            if ((flags & 2) != 0) {
                announced = u32be(frame, field);
                field += 4;
            }
            skip = header.samplesPerFrame(); // JLayer decodes the tag frame itself as a frame of silence
            int lame = xing + 120; // after flags, frames, bytes, the 100-byte TOC and the quality field
            if (isEncoderTag(frame, lame) && lame + 24 <= frame.length) {
                int packed = ((frame[lame + 21] & 0xFF) << 16) | ((frame[lame + 22] & 0xFF) << 8)
                        | (frame[lame + 23] & 0xFF);
                delay = packed >>> 12;
                padding = packed & 0xFFF;
                skip += delay + 529;
            }
        } else if (ContentSniffer.startsWith(frame, 36, "VBRI") && frame.length >= 36 + 18) {
            announced = u32be(frame, 36 + 10);
        }
        long available = size - start;
        if (announced > 0 && announced > available) {
            return Structure.truncated("its header announces " + announced + " bytes of MPEG audio but only "
                    + available + " are there");
        }
        long expected = frames > 0 ? frames * header.samplesPerFrame() - delay - padding : -1;
        return new Structure(null, expected > 0 ? expected : -1, 0, skip, false);
    }

    /** LAME and ffmpeg (Lavc/Lavf) write their gapless fields after a 9-byte encoder name. */
    private static boolean isEncoderTag(byte[] b, int offset) {
        return ContentSniffer.startsWith(b, offset, "LAME") || ContentSniffer.startsWith(b, offset, "Lavc")
                || ContentSniffer.startsWith(b, offset, "Lavf") || ContentSniffer.startsWith(b, offset, "L3.99");
    }

    private static Structure flac(SeekableByteChannel channel, long size, long start, boolean checkFrames)
            throws IOException {
        byte[] head = ContentSniffer.read(channel, start, 4 + 4 + 34);
        if (head.length < 42) {
            return Structure.truncated("the file ends inside its FLAC header");
        }
        int bits = (((head[20] & 1) << 4) | ((head[21] & 0xFF) >> 4)) + 1;
        long total = ((head[21] & 0xFL) << 32) | u32be(head, 22);
        long pos = start + 4;
        while (true) { // metadata blocks: 1 bit last-flag, 7 bits type, 24 bits length
            byte[] h = ContentSniffer.read(channel, pos, 4);
            if (h.length < 4) {
                return Structure.truncated("the file ends inside its FLAC metadata");
            }
            long length = ((h[1] & 0xFFL) << 16) | ((h[2] & 0xFFL) << 8) | (h[3] & 0xFFL);
            pos += 4 + length;
            if (pos > size) {
                return Structure.truncated("the file ends inside its FLAC metadata");
            }
            if ((h[0] & 0x80) != 0) {
                break;
            }
        }
        if (total > 0 && pos >= size) {
            return Structure.truncated("the file ends before its first FLAC frame");
        }
        if (!checkFrames) {
            return new Structure(null, total > 0 ? total : -1, bits, 0, false);
        }
        FlacFrameScanner.Scan scan = FlacFrameScanner.scan(channel, size, pos, total, maxFrameBytes(head, bits));
        long expected = total > 0 ? total : -1;
        if (scan.cutShort()) {
            return new Structure(scan.problem(), expected, bits, 0, false, scan.intactEnd(), null);
        }
        return new Structure(null, expected, bits, 0, false, scan.intactEnd(), scan.problem());
    }

    /** STREAMINFO's maximum frame size, or when the encoder left it 0, the size of an uncompressed block. */
    private static long maxFrameBytes(byte[] head, int bits) {
        long stated = ((head[15] & 0xFFL) << 16) | ((head[16] & 0xFFL) << 8) | (head[17] & 0xFFL);
        if (stated > 0) {
            return stated;
        }
        int maxBlock = ((head[10] & 0xFF) << 8) | (head[11] & 0xFF);
        int channels = ((head[20] >> 1) & 7) + 1;
        return (long) (maxBlock == 0 ? 65_535 : maxBlock) * channels * ((bits + 7) / 8) + 64;
    }

    /**
     * A complete Ogg stream ends with a whole page flagged end-of-stream. The last page is found by scanning the
     * tail for a capture pattern whose page ends exactly at the end of the file ("OggS" may also occur by chance
     * inside packet data).
     */
    private static Structure ogg(SeekableByteChannel channel, long size, boolean vorbis) throws IOException {
        int tailLength = (int) Math.min(size, 70_000); // a page is at most 27 + 255 + 255 * 255 bytes
        long tailStart = size - tailLength;
        byte[] tail = ContentSniffer.read(channel, tailStart, tailLength);
        for (int i = tail.length - 27; i >= 0; i--) {
            if (!ContentSniffer.startsWith(tail, i, "OggS") || tail[i + 4] != 0) {
                continue;
            }
            int segments = tail[i + 26] & 0xFF;
            if (i + 27 + segments > tail.length) {
                continue;
            }
            long pageLength = 27L + segments;
            for (int s = 0; s < segments; s++) {
                pageLength += tail[i + 27 + s] & 0xFF;
            }
            if (tailStart + i + pageLength == size) {
                boolean endOfStream = (tail[i + 5] & 0x04) != 0;
                if (!endOfStream) {
                    return Structure.truncated("its last Ogg page is not marked as the end of the stream");
                }
                // for Vorbis the last granule position is the stream's length in samples per channel
                long granule = java.nio.ByteBuffer.wrap(tail, i + 6, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                        .getLong();
                long expected = vorbis && granule > 0 ? granule : -1;
                return new Structure(null, expected, 0, 0, true, -1, null, vorbis ? vorbisStartup(channel) : 0);
            }
        }
        return Structure.truncated("the file ends inside an Ogg page");
    }

    /**
     * What a Vorbis stream's first packet spans: a quarter of the previous (short) block plus a quarter of its own
     * (at most long) block, from the block sizes in the identification header (byte 28: two 4-bit exponents). The
     * decoder discards that packet's output by design; ffmpeg still counts it against a short file's length, so it
     * decodes up to this many frames fewer than the last granule position says (measured: 128 at 44.1 kHz, 256 at
     * 22.05 kHz, where the short blocks are 256 and 512). When the header cannot be read, the largest blocks
     * Vorbis allows (8192) are assumed.
     */
    static long vorbisStartup(SeekableByteChannel channel) throws IOException {
        byte[] page = ContentSniffer.read(channel, 0, 27 + 255 + 30);
        int body = page.length > 26 ? 27 + (page[26] & 0xFF) : page.length;
        if (body + 29 > page.length || page[body] != 1 || !ContentSniffer.startsWith(page, body + 1, "vorbis")) {
            return (8192 + 8192) / 4;
        }
        int sizes = page[body + 28] & 0xFF;
        long shortBlock = 1L << (sizes & 0x0F);
        long longBlock = 1L << (sizes >> 4);
        return (shortBlock + longBlock) / 4;
    }

    /** MP4: top-level boxes, each with its size; a box running past the end of the file means a cut file. */
    private static Structure mp4(SeekableByteChannel channel, long size) throws IOException {
        long pos = 0;
        while (pos < size) {
            byte[] h = ContentSniffer.read(channel, pos, 16);
            if (h.length < 8) {
                return Structure.truncated("the file ends inside an MP4 box header");
            }
            long boxSize = u32be(h, 0);
            String type = new String(h, 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (boxSize == 1) {
                if (h.length < 16) {
                    return Structure.truncated("the file ends inside an MP4 box header");
                }
                boxSize = (u32be(h, 8) << 32) | u32be(h, 12);
            } else if (boxSize == 0) {
                return Structure.UNKNOWN; // the last box runs to the end of the file by definition
            }
            if (boxSize < 8) {
                return Structure.UNKNOWN; // damaged, not cut: ffmpeg will say what it makes of it
            }
            if (pos + boxSize > size) {
                return Structure.truncated("its '" + type + "' box needs " + boxSize + " bytes but only "
                        + (size - pos) + " are left");
            }
            pos += boxSize;
        }
        return Structure.UNKNOWN;
    }

    private static long u32be(byte[] b, int o) {
        if (o + 4 > b.length) {
            return -1;
        }
        return ((b[o] & 0xFFL) << 24) | ((b[o + 1] & 0xFFL) << 16) | ((b[o + 2] & 0xFFL) << 8) | (b[o + 3] & 0xFFL);
    }

    private static long u32le(byte[] b, int o) {
        return ((b[o + 3] & 0xFFL) << 24) | ((b[o + 2] & 0xFFL) << 16) | ((b[o + 1] & 0xFFL) << 8) | (b[o] & 0xFFL);
    }
}
