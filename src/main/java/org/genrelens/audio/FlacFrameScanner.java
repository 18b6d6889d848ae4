package org.genrelens.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/**
 * Walks the frames of a FLAC stream and finds where its intact part ends, so that jflac is never shown a damaged
 * frame: on one, jflac resynchronises on the same bytes for ever without reading on, holding its stream's lock, so
 * neither closing the stream nor a deadline stops it.
 *
 * <p>A frame starts with the sync code 0xFFF8 (fixed block size) or 0xFFF9 (variable) and a header protected by a
 * CRC-8, and ends with a CRC-16 of the whole frame. Subframes are not parsed: a frame ends where the CRC-16 of the
 * bytes since its start is zero (data followed by its own CRC leaves no remainder) and either the next valid
 * header or the end of the file (or a trailing ID3/APE tag) begins. A false end inside a frame needs both CRCs to
 * match by chance. The walk is one table lookup per byte over the whole file, much less than decoding it.
 */
final class FlacFrameScanner {

    /**
     * @param intactEnd file offset where the checked frames end: the file's size when nothing is wrong, else the
     *                  start of the first frame that failed its checks
     * @param samples   samples per channel in the checked frames
     * @param problem   what is wrong, in words; null when every frame checked out
     * @param cutShort  true when the problem is a file that stops early (inside or after its last frame) rather than
     *                  damage, so it is reported as truncated
     */
    record Scan(long intactEnd, long samples, String problem, boolean cutShort) {
        Scan {
            if (intactEnd < 0 || samples < 0) {
                throw new IllegalArgumentException("intactEnd and samples must be >= 0");
            }
        }

        boolean intact() {
            return problem == null;
        }
    }

    /** Sync, 2 fixed bytes, up to 7 bytes of coded frame number, 2 + 2 optional bytes, the CRC-8. */
    private static final int MAX_HEADER = 16;
    private static final int CHUNK = 1 << 20;
    private static final int[] CRC8 = table(8, 0x07);
    private static final int[] CRC16 = table(16, 0x8005);

    private final SeekableByteChannel channel;
    private final long size;
    private final byte[] buf = new byte[CHUNK];
    private long bufStart;
    private int bufLength;

    private FlacFrameScanner(SeekableByteChannel channel, long size) {
        this.channel = channel;
        this.size = size;
    }

    /**
     * @param audioStart    offset of the first frame (just after the last metadata block)
     * @param totalSamples  the STREAMINFO total, or 0 when unknown
     * @param maxFrameBytes the most bytes one frame can take; a bad stretch no longer than this at the very end of
     *                      the file is a cut file, a longer one is damage
     */
    static Scan scan(SeekableByteChannel channel, long size, long audioStart, long totalSamples, long maxFrameBytes)
            throws IOException {
        return new FlacFrameScanner(channel, size).walk(audioStart, totalSamples, maxFrameBytes);
    }

    private Scan walk(long audioStart, long totalSamples, long maxFrameBytes) throws IOException {
        if (audioStart >= size) {
            return new Scan(size, 0, null, false); // metadata only: the decoder finds no samples and says so
        }
        long samples = 0;
        long frameStart = audioStart;
        load(frameStart);
        int strategyByte = bufLength >= 2 ? buf[bufAt(frameStart) + 1] & 0xFF : -1; // every frame repeats it
        int headerLength = header(bufAt(frameStart), strategyByte);
        if (headerLength == 0) {
            return stop(frameStart, samples, totalSamples, maxFrameBytes);
        }
        while (true) {
            int blockSize = blockSize(bufAt(frameStart));
            int crc = 0;
            long tagEnd = -1;
            long pos = frameStart;
            long next = -1;
            scanning:
            while (pos < size) {
                load(pos);
                boolean lastChunk = bufStart + bufLength >= size;
                int limit = lastChunk ? bufLength : bufLength - MAX_HEADER;
                int i = (int) (pos - bufStart);
                int earliestEnd = (int) Math.max(i, frameStart + headerLength + 3 - bufStart);
                for (; i < limit; i++) {
                    int b = buf[i] & 0xFF;
                    if (crc == 0 && i >= earliestEnd) {
                        if (b == 0xFF && header(i, strategyByte) > 0) {
                            next = bufStart + i;
                            break scanning;
                        }
                        if (tagEnd < 0 && startsTag(i)) {
                            tagEnd = bufStart + i;
                        }
                    }
                    crc = ((crc << 8) ^ CRC16[((crc >>> 8) ^ b) & 0xFF]) & 0xFFFF;
                }
                pos = bufStart + i;
            }
            if (next >= 0) {
                samples += blockSize;
                frameStart = next;
                headerLength = header((int) (next - bufStart), strategyByte);
                continue;
            }
            boolean lastFrameComplete = totalSamples <= 0 || samples + blockSize == totalSamples;
            if (crc == 0) {
                return finish(size, samples + blockSize, totalSamples);
            }
            if (tagEnd >= 0 && lastFrameComplete) {
                return finish(tagEnd, samples + blockSize, totalSamples); // ID3v1 or APE tag after the audio
            }
            return stop(frameStart, samples, totalSamples, maxFrameBytes);
        }
    }

    private static Scan finish(long end, long samples, long totalSamples) {
        if (totalSamples > 0 && samples < totalSamples) {
            return new Scan(end, samples, "its FLAC frames hold " + samples + " of the " + totalSamples
                    + " samples per channel its header announces", true);
        }
        return new Scan(end, samples, null, false);
    }

    /** The frame at {@code frameStart} failed; everything from it on is withheld from the decoder. */
    private Scan stop(long frameStart, long samples, long totalSamples, long maxFrameBytes) {
        long rest = size - frameStart;
        if (rest <= maxFrameBytes) {
            return new Scan(frameStart, samples, "it ends inside a FLAC frame (at byte " + frameStart + " of "
                    + size + ")", true);
        }
        String where = totalSamples > 0 ? ", " + Math.round(100.0 * samples / totalSamples) + " % into the audio"
                : "";
        return new Scan(frameStart, samples, "its audio data is damaged from byte " + frameStart + " of " + size
                + where + " (a FLAC frame fails its checksum)", false);
    }

    /** The length of a valid frame header at buffer index {@code i}, or 0 when there is none. */
    private int header(int i, int strategyByte) {
        int end = bufLength;
        if (i + 6 > end || (buf[i] & 0xFF) != 0xFF || (buf[i + 1] & 0xFF) != strategyByte
                || (strategyByte & 0xFE) != 0xF8) {
            return 0;
        }
        int b2 = buf[i + 2] & 0xFF;
        int b3 = buf[i + 3] & 0xFF;
        int blockCode = b2 >>> 4;
        int rateCode = b2 & 0xF;
        // reserved codes: block size 0, sample rate 15, channel assignment 11-15, sample size 3, the padding bit
        if (blockCode == 0 || rateCode == 15 || (b3 >>> 4) > 10 || ((b3 >>> 1) & 7) == 3 || (b3 & 1) != 0) {
            return 0;
        }
        int n = i + 4;
        int first = buf[n] & 0xFF;
        int extra = first < 0x80 ? 0 : first >= 0xC0 && first < 0xFE ? Integer.numberOfLeadingZeros(~first << 24) - 1
                : first == 0xFE ? 6 : -1;
        if (extra < 0 || n + 1 + extra > end) {
            return 0;
        }
        for (int k = 1; k <= extra; k++) {
            if ((buf[n + k] & 0xC0) != 0x80) {
                return 0;
            }
        }
        n += 1 + extra;
        n += blockCode == 6 ? 1 : blockCode == 7 ? 2 : 0;
        n += rateCode == 12 ? 1 : rateCode == 13 || rateCode == 14 ? 2 : 0;
        if (n >= end) {
            return 0;
        }
        int crc = 0;
        for (int k = i; k <= n; k++) {
            crc = CRC8[crc ^ (buf[k] & 0xFF)];
        }
        return crc == 0 ? n + 1 - i : 0;
    }

    /** Samples per channel of the frame whose header starts at buffer index {@code i} (already validated). */
    private int blockSize(int i) {
        int code = (buf[i + 2] & 0xFF) >>> 4;
        if (code == 1) {
            return 192;
        }
        if (code <= 5) {
            return 576 << (code - 2);
        }
        if (code >= 8) {
            return 256 << (code - 8);
        }
        int first = buf[i + 4] & 0xFF;
        int numberLength = first < 0x80 ? 1 : first == 0xFE ? 7 : Integer.numberOfLeadingZeros(~first << 24);
        int at = i + 4 + numberLength;
        return 1 + (code == 6 ? buf[at] & 0xFF : ((buf[at] & 0xFF) << 8) | (buf[at + 1] & 0xFF));
    }

    private boolean startsTag(int i) {
        return matches(i, "TAG") || matches(i, "ID3") || matches(i, "APETAGEX");
    }

    private boolean matches(int i, String magic) {
        if (i + magic.length() > bufLength) {
            return false;
        }
        for (int k = 0; k < magic.length(); k++) {
            if (buf[i + k] != magic.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private int bufAt(long pos) {
        return (int) (pos - bufStart);
    }

    /** Makes the buffer start at {@code pos} unless it already holds {@code pos} and a header's worth after it. */
    private void load(long pos) throws IOException {
        long have = bufStart + bufLength;
        boolean inside = pos >= bufStart && pos < have;
        if (inside && (pos + MAX_HEADER < have || have >= size)) {
            return; // the scan loop then always has at least one byte to look at
        }
        channel.position(pos);
        ByteBuffer target = ByteBuffer.wrap(buf);
        while (target.hasRemaining() && channel.read(target) >= 0) {
            // read until the buffer is full or the file ends
        }
        bufStart = pos;
        bufLength = target.position();
    }

    /** MSB-first CRC table for the given width and polynomial (no reflection, zero initial value). */
    private static int[] table(int width, int polynomial) {
        int top = 1 << (width - 1);
        int mask = (1 << width) - 1;
        int[] table = new int[256];
        for (int i = 0; i < 256; i++) {
            int crc = i << (width - 8);
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & top) != 0 ? (crc << 1) ^ polynomial : crc << 1;
            }
            table[i] = crc & mask;
        }
        return table;
    }
}
