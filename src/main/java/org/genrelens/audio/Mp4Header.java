package org.genrelens.audio;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The first sound track of an MP4/M4A file: its media header ({@code moov/trak/mdia/mdhd}: time scale and duration)
 * and its sample description ({@code stsd}: channels and rate). Boxes are walked by their sizes; only headers are
 * read, never the media data.
 */
final class Mp4Header {

    private Mp4Header() {
    }

    static Optional<StreamHeader> read(Path file) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long[] moov = find(channel, 0, channel.size(), "moov");
            if (moov == null) {
                return Optional.empty();
            }
            long pos = moov[0];
            while (true) {
                long[] trak = find(channel, pos, moov[1], "trak");
                if (trak == null) {
                    return Optional.empty();
                }
                Optional<StreamHeader> sound = soundTrack(channel, trak);
                if (sound.isPresent()) {
                    return sound;
                }
                pos = trak[1];
            }
        }
    }

    private static Optional<StreamHeader> soundTrack(SeekableByteChannel channel, long[] trak) throws IOException {
        long[] mdia = find(channel, trak[0], trak[1], "mdia");
        if (mdia == null) {
            return Optional.empty();
        }
        long[] hdlr = find(channel, mdia[0], mdia[1], "hdlr");
        if (hdlr == null || !ContentSniffer.startsWith(ContentSniffer.read(channel, hdlr[0] + 8, 4), 0, "soun")) {
            return Optional.empty();
        }
        long[] mdhd = find(channel, mdia[0], mdia[1], "mdhd");
        long[] minf = find(channel, mdia[0], mdia[1], "minf");
        long[] stbl = minf == null ? null : find(channel, minf[0], minf[1], "stbl");
        long[] stsd = stbl == null ? null : find(channel, stbl[0], stbl[1], "stsd");
        if (mdhd == null || stsd == null) {
            return Optional.empty();
        }
        byte[] h = ContentSniffer.read(channel, mdhd[0], 32);
        boolean v1 = h.length > 0 && h[0] == 1;
        long timescale = v1 ? u32(h, 20) : u32(h, 12);
        long duration = v1 ? (u32(h, 24) << 32) | u32(h, 28) : u32(h, 16);
        // stsd: version/flags, entry count, then the first entry: size, type, 6 reserved, data ref index,
        // 8 reserved, channel count, sample size, 4 more, rate as 16.16
        byte[] d = ContentSniffer.read(channel, stsd[0], 8 + 36);
        if (d.length < 44 || timescale <= 0) {
            return Optional.empty();
        }
        int channels = ((d[8 + 24] & 0xFF) << 8) | (d[8 + 25] & 0xFF);
        int rate = (int) (u32(d, 8 + 32) >>> 16);
        if (rate <= 0) {
            rate = (int) timescale;
        }
        long frames = duration > 0 && duration != 0xFFFF_FFFFL ? Math.round(duration * (double) rate / timescale) : -1;
        return Optional.of(new StreamHeader(rate, channels, 0, frames));
    }

    /** The first box of {@code type} between {@code from} and {@code to}: {start of its content, its end}, or null. */
    private static long[] find(SeekableByteChannel channel, long from, long to, String type) throws IOException {
        long pos = from;
        while (pos + 8 <= to) {
            byte[] h = ContentSniffer.read(channel, pos, 16);
            if (h.length < 8) {
                return null;
            }
            long size = u32(h, 0);
            int header = 8;
            if (size == 1 && h.length >= 16) {
                size = (u32(h, 8) << 32) | u32(h, 12);
                header = 16;
            } else if (size == 0) {
                size = to - pos;
            }
            if (size < header) {
                return null;
            }
            if (new String(h, 4, 4, StandardCharsets.ISO_8859_1).equals(type)) {
                return new long[] {pos + header, Math.min(to, pos + size)};
            }
            pos += size;
        }
        return null;
    }

    private static long u32(byte[] b, int o) {
        return ((b[o] & 0xFFL) << 24) | ((b[o + 1] & 0xFFL) << 16) | ((b[o + 2] & 0xFFL) << 8) | (b[o + 3] & 0xFFL);
    }
}
