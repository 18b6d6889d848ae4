package org.genrelens.library;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import org.genrelens.audio.AudioProbe;

/** Finds where a file's audio payload lies, between the container's headers and tags. */
final class AudioPayload {

    /** The byte range [start, end) of the audio payload. */
    record Region(long start, long end) {

        Region {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("bad region [" + start + ", " + end + ")");
            }
        }

        long length() {
            return end - start;
        }
    }

    private AudioPayload() {
    }

    static Region locate(SeekableByteChannel channel, AudioProbe.Probe probe) throws IOException {
        long size = channel.size();
        Region whole = new Region(0, size);
        return switch (probe.format()) {
            case "wav", "rf64" -> chunk(channel, 12, "data", ByteOrder.LITTLE_ENDIAN, whole);
            case "aiff" -> chunk(channel, 12, "SSND", ByteOrder.BIG_ENDIAN, whole);
            case "au" -> au(channel, whole);
            case "flac" -> flac(channel, probe.audioOffset(), whole);
            case "mp3", "aac" -> new Region(Math.min(probe.audioOffset(), size),
                    Math.max(Math.min(probe.audioOffset(), size), endBeforeTrailingTags(channel)));
            case "mp4" -> mdat(channel, whole);
            default -> whole;
        };
    }

    /** RIFF and IFF: chunks of id, size, body, padded to even length. */
    private static Region chunk(SeekableByteChannel channel, long first, String wanted, ByteOrder order,
            Region fallback) throws IOException {
        long size = channel.size();
        long pos = first;
        while (pos + 8 <= size) {
            byte[] header = AudioFingerprint.read(channel, pos, 8);
            String id = new String(header, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            long length = ByteBuffer.wrap(header, 4, 4).order(order).getInt() & 0xFFFFFFFFL;
            if (id.equals(wanted)) {
                // RF64 writes 0xFFFFFFFF here, and cut files claim more than they hold: the file end bounds both
                return new Region(pos + 8, Math.min(size, pos + 8 + length));
            }
            pos += 8 + length + (length & 1);
        }
        return fallback;
    }

    private static Region au(SeekableByteChannel channel, Region fallback) throws IOException {
        byte[] header = AudioFingerprint.read(channel, 0, 8);
        if (header.length < 8) {
            return fallback;
        }
        long offset = ByteBuffer.wrap(header, 4, 4).order(ByteOrder.BIG_ENDIAN).getInt() & 0xFFFFFFFFL;
        return offset <= channel.size() ? new Region(offset, channel.size()) : fallback;
    }

    /** After "fLaC", metadata blocks (the Vorbis comment among them) until the one flagged last. */
    private static Region flac(SeekableByteChannel channel, long magicAt, Region fallback) throws IOException {
        long pos = magicAt + 4;
        long size = channel.size();
        while (pos + 4 <= size) {
            byte[] header = AudioFingerprint.read(channel, pos, 4);
            boolean last = (header[0] & 0x80) != 0;
            long length = ((header[1] & 0xFFL) << 16) | ((header[2] & 0xFFL) << 8) | (header[3] & 0xFFL);
            pos += 4 + length;
            if (last) {
                long start = Math.min(pos, size);
                return new Region(start, Math.max(start, endBeforeTrailingTags(channel)));
            }
        }
        return fallback;
    }

    /** ISO base media: top-level boxes; the audio is in mdat, the tags in moov/udta. */
    private static Region mdat(SeekableByteChannel channel, Region fallback) throws IOException {
        long size = channel.size();
        long pos = 0;
        while (pos + 8 <= size) {
            byte[] header = AudioFingerprint.read(channel, pos, 16);
            long length = ByteBuffer.wrap(header, 0, 4).order(ByteOrder.BIG_ENDIAN).getInt() & 0xFFFFFFFFL;
            String type = new String(header, 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            long headerLength = 8;
            if (length == 1 && header.length >= 16) {
                length = ByteBuffer.wrap(header, 8, 8).order(ByteOrder.BIG_ENDIAN).getLong();
                headerLength = 16;
            } else if (length == 0) {
                length = size - pos;
            }
            if (length < headerLength) {
                return fallback;
            }
            if (type.equals("mdat")) {
                return new Region(pos + headerLength, Math.min(size, pos + length));
            }
            pos += length;
        }
        return fallback;
    }

    /** The end of the file before an ID3v1 tag and an APEv2 tag, the tags MP3 files carry at their end. */
    static long endBeforeTrailingTags(SeekableByteChannel channel) throws IOException {
        long end = channel.size();
        if (end >= 128) {
            byte[] tail = AudioFingerprint.read(channel, end - 128, 3);
            if (tail[0] == 'T' && tail[1] == 'A' && tail[2] == 'G') {
                end -= 128;
            }
        }
        if (end >= 32) {
            byte[] footer = AudioFingerprint.read(channel, end - 32, 32);
            if (new String(footer, 0, 8, java.nio.charset.StandardCharsets.ISO_8859_1).equals("APETAGEX")) {
                long tagSize = ByteBuffer.wrap(footer, 12, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
                boolean hasHeader = (footer[23] & 0x80) != 0;
                end = Math.max(0, end - tagSize - (hasHeader ? 32 : 0));
            }
        }
        return end;
    }
}
