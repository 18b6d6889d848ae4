package org.genrelens.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Recognises an audio format by its magic bytes, never by the file name: a FLAC named .mp3 is FLAC, and random
 * bytes named .mp3 are nothing (mp3spi would otherwise "decode" them as noise, since any 0xFFE sync looks like
 * a frame to it).
 */
final class ContentSniffer {

    /** What the sniffer found: the format and where its audio frames begin (after an ID3v2 tag, for example). */
    record Sniff(ContainerFormat format, long payloadOffset, boolean looksLikeText) {
    }

    static final int WINDOW = 64 * 1024;
    private static final byte[] ASF_GUID = {0x30, 0x26, (byte) 0xB2, 0x75, (byte) 0x8E, 0x66, (byte) 0xCF, 0x11,
        (byte) 0xA6, (byte) 0xD9, 0x00, (byte) 0xAA, 0x00, 0x62, (byte) 0xCE, 0x6C};

    private ContentSniffer() {
    }

    static Sniff sniff(Path file) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            byte[] head = read(channel, 0, WINDOW);
            if (startsWith(head, 0, "ID3") && head.length >= 10) {
                long tagEnd = id3v2End(head);
                byte[] after = read(channel, tagEnd, WINDOW);
                int skip = 0;
                while (skip < after.length && after[skip] == 0) { // padding some taggers leave after the tag
                    skip++;
                }
                byte[] rest = Arrays.copyOfRange(after, skip, after.length);
                long offset = tagEnd + skip;
                if (startsWith(rest, 0, "fLaC")) {
                    return new Sniff(ContainerFormat.FLAC, offset, false);
                }
                if (mpegChainAt(rest, 0, offset, size, true)) {
                    return new Sniff(ContainerFormat.MP3, offset, false);
                }
                int mpeg = findMpeg(rest, offset, size);
                if (mpeg >= 0) {
                    return new Sniff(ContainerFormat.MP3, offset + mpeg, false);
                }
                if (adtsChainAt(rest, 0, offset, size)) {
                    return new Sniff(ContainerFormat.ADTS_AAC, offset, false);
                }
                return new Sniff(ContainerFormat.UNKNOWN, 0, false);
            }
            ContainerFormat byMagic = byMagic(head, size);
            if (byMagic != ContainerFormat.UNKNOWN) {
                return new Sniff(byMagic, 0, false);
            }
            int mpeg = findMpeg(head, 0, size);
            if (mpeg >= 0) {
                return new Sniff(ContainerFormat.MP3, mpeg, false);
            }
            if (adtsChainAt(head, 0, 0, size)) {
                return new Sniff(ContainerFormat.ADTS_AAC, 0, false);
            }
            return new Sniff(ContainerFormat.UNKNOWN, 0, looksLikeText(head));
        }
    }

    private static ContainerFormat byMagic(byte[] b, long fileSize) {
        if (startsWith(b, 0, "RIFF") && startsWith(b, 8, "WAVE")) {
            return ContainerFormat.WAV;
        }
        if ((startsWith(b, 0, "RF64") || startsWith(b, 0, "BW64")) && startsWith(b, 8, "WAVE")) {
            return ContainerFormat.RF64;
        }
        if (startsWith(b, 0, "FORM") && (startsWith(b, 8, "AIFF") || startsWith(b, 8, "AIFC"))) {
            return ContainerFormat.AIFF;
        }
        if (startsWith(b, 0, ".snd")) {
            return ContainerFormat.AU;
        }
        if (startsWith(b, 0, "fLaC")) {
            return ContainerFormat.FLAC;
        }
        if (startsWith(b, 0, "OggS")) {
            return oggCodec(b);
        }
        if (startsWith(b, 4, "ftyp")) {
            return ContainerFormat.MP4;
        }
        if (b.length >= 16 && Arrays.equals(b, 0, 16, ASF_GUID, 0, 16)) {
            return ContainerFormat.ASF;
        }
        if (b.length >= 4 && (b[0] & 0xFF) == 0x1A && (b[1] & 0xFF) == 0x45 && (b[2] & 0xFF) == 0xDF
                && (b[3] & 0xFF) == 0xA3) {
            return ContainerFormat.MATROSKA;
        }
        if (startsWith(b, 0, "caff")) {
            return ContainerFormat.CAF;
        }
        if (startsWith(b, 0, "MAC ")) {
            return ContainerFormat.APE;
        }
        if (startsWith(b, 0, "wvpk")) {
            return ContainerFormat.WAVPACK;
        }
        if (startsWith(b, 0, "#!AMR")) {
            return ContainerFormat.AMR;
        }
        if (b.length >= 8 && b[0] == 0x0B && (b[1] & 0xFF) == 0x77 && ac3Chain(b, fileSize)) {
            return ContainerFormat.AC3;
        }
        return ContainerFormat.UNKNOWN;
    }

    /** The codec of an Ogg stream is named by the first packet of its first page. */
    private static ContainerFormat oggCodec(byte[] b) {
        if (b.length < 28) {
            return ContainerFormat.OGG_OTHER;
        }
        int segments = b[26] & 0xFF;
        int body = 27 + segments;
        if (startsWith(b, body, "\u0001vorbis")) {
            return ContainerFormat.OGG_VORBIS;
        }
        if (startsWith(b, body, "OpusHead")) {
            return ContainerFormat.OGG_OPUS;
        }
        return ContainerFormat.OGG_OTHER;
    }

    /** Offset of the first MPEG frame that starts a chain of valid frames, or -1. */
    private static int findMpeg(byte[] b, long windowOffset, long fileSize) {
        for (int i = 0; i + 4 <= b.length; i++) {
            if ((b[i] & 0xFF) == 0xFF && mpegChainAt(b, i, windowOffset, fileSize, false)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * True when consecutive valid frame headers of one stream start at {@code start}: three of them, or fewer
     * that run exactly to the end of the file (a very short or cut file). After an ID3 tag one frame is enough.
     */
    static boolean mpegChainAt(byte[] b, int start, long windowOffset, long fileSize, boolean afterId3) {
        MpegFrameHeader first = MpegFrameHeader.parse(b, start);
        if (first == null) {
            return false;
        }
        int count = 0;
        int pos = start;
        while (true) {
            MpegFrameHeader h = MpegFrameHeader.parse(b, pos);
            if (!first.sameStream(h)) {
                return count >= 3;
            }
            count++;
            if (count >= 3) {
                return true;
            }
            long next = pos + (long) h.frameLength();
            if (windowOffset + next >= fileSize) {
                return count >= 2 || afterId3;
            }
            if (next + 4 > b.length) {
                return false;
            }
            pos = (int) next;
        }
    }

    private static boolean adtsChainAt(byte[] b, int start, long windowOffset, long fileSize) {
        int pos = start;
        for (int count = 0; count < 3; count++) {
            if (pos + 7 > b.length) {
                return count >= 2 && windowOffset + pos >= fileSize;
            }
            if ((b[pos] & 0xFF) != 0xFF || (b[pos + 1] & 0xF6) != 0xF0 || ((b[pos + 2] >> 2) & 0xF) > 12) {
                return false;
            }
            int length = ((b[pos + 3] & 3) << 11) | ((b[pos + 4] & 0xFF) << 3) | ((b[pos + 5] & 0xFF) >> 5);
            if (length < 7) {
                return false;
            }
            pos += length;
            if (windowOffset + pos >= fileSize) {
                return count >= 1;
            }
        }
        return true;
    }

    /** AC-3 frame sizes in 16-bit words, by sample-rate code (48, 44.1, 32 kHz) and frame-size code (A/52 5.4.1.4). */
    private static final int[][] AC3_WORDS = {
        {64, 64, 80, 80, 96, 96, 112, 112, 128, 128, 160, 160, 192, 192, 224, 224, 256, 256, 320, 320, 384, 384, 448,
            448, 512, 512, 640, 640, 768, 768, 896, 896, 1024, 1024, 1152, 1152, 1280, 1280},
        {69, 70, 87, 88, 104, 105, 121, 122, 139, 140, 174, 175, 208, 209, 243, 244, 278, 279, 348, 349, 417, 418, 487,
            488, 557, 558, 696, 697, 835, 836, 975, 976, 1114, 1115, 1253, 1254, 1393, 1394},
        {96, 96, 120, 120, 144, 144, 168, 168, 192, 192, 240, 240, 288, 288, 336, 336, 384, 384, 480, 480, 576, 576, 672,
            672, 768, 768, 960, 960, 1152, 1152, 1344, 1344, 1536, 1536, 1728, 1728, 1920, 1920}};

    /**
     * AC-3 or E-AC-3 sync frames: 0x0B77, a frame size (AC-3: from the rate and frame-size codes; E-AC-3, bitstream
     * id 11-16: an 11-bit word count), then the next frame's sync word, or the end of a file that ends there.
     */
    private static boolean ac3Chain(byte[] b, long fileSize) {
        int bsid = (b[5] & 0xFF) >> 3;
        int words;
        if (bsid <= 10) {
            int rate = (b[4] & 0xFF) >> 6;
            int code = b[4] & 0x3F;
            if (rate == 3 || code > 37) {
                return false;
            }
            words = AC3_WORDS[rate][code];
        } else if (bsid <= 16) {
            words = (((b[2] & 0x07) << 8) | (b[3] & 0xFF)) + 1;
        } else {
            return false;
        }
        int next = words * 2;
        if (next == fileSize) {
            return true;
        }
        return next + 2 <= b.length && b[next] == 0x0B && (b[next + 1] & 0xFF) == 0x77;
    }

    /** End of an ID3v2 tag: 10-byte header, syncsafe size, optional 10-byte footer. */
    static long id3v2End(byte[] b) {
        long size = ((b[6] & 0x7FL) << 21) | ((b[7] & 0x7FL) << 14) | ((b[8] & 0x7FL) << 7) | (b[9] & 0x7FL);
        boolean footer = (b[5] & 0x10) != 0;
        return 10 + size + (footer ? 10 : 0);
    }

    private static boolean looksLikeText(byte[] b) {
        int n = Math.min(b.length, 512);
        if (n == 0) {
            return false;
        }
        int printable = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if (c == '\n' || c == '\r' || c == '\t' || (c >= 0x20 && c < 0x7F) || c >= 0x80) {
                printable++;
            }
        }
        return printable == n && new String(b, 0, n, StandardCharsets.UTF_8).indexOf('\uFFFD') < 0;
    }

    static boolean startsWith(byte[] b, int offset, String ascii) {
        if (offset < 0 || offset + ascii.length() > b.length) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (b[offset + i] != (byte) ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Reads up to {@code length} bytes at {@code position}; fewer at the end of the file. */
    static byte[] read(SeekableByteChannel channel, long position, int length) throws IOException {
        long available = Math.max(0, channel.size() - position);
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(length, available));
        channel.position(position);
        while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
            // keep reading: a channel may return short reads
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
    }
}
