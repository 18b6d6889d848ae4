package org.genrelens.audio;

/**
 * One MPEG-1/2/2.5 audio frame header (layers I-III). Random bytes often contain an 11-bit frame sync, so a
 * header alone proves little; {@link ContentSniffer} demands a chain of them.
 */
record MpegFrameHeader(int version, int layer, int sampleRate, int bitrateKbps, boolean padding, int channels) {

    /** version: 1 = MPEG-1, 2 = MPEG-2, 25 = MPEG-2.5. */
    private static final int[][] BITRATES = {
        {32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448}, // V1 L1
        {32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},    // V1 L2
        {32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320},     // V1 L3
        {32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},    // V2 L1
        {8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},         // V2 L2, L3
    };
    private static final int[][] RATES = {{44_100, 48_000, 32_000}, {22_050, 24_000, 16_000}, {11_025, 12_000, 8_000}};

    /** Parses the 4 bytes at {@code offset}, or returns null when they are not a valid, decodable header. */
    static MpegFrameHeader parse(byte[] b, int offset) {
        if (offset < 0 || offset + 4 > b.length) {
            return null;
        }
        int h = ((b[offset] & 0xFF) << 24) | ((b[offset + 1] & 0xFF) << 16) | ((b[offset + 2] & 0xFF) << 8)
                | (b[offset + 3] & 0xFF);
        if ((h & 0xFFE0_0000) != 0xFFE0_0000) {
            return null;
        }
        int versionBits = (h >>> 19) & 3;
        int layerBits = (h >>> 17) & 3;
        int bitrateIndex = (h >>> 12) & 0xF;
        int rateIndex = (h >>> 10) & 3;
        int emphasis = h & 3;
        // reserved values; free-format bitrate (0) cannot be chained by length, so it is rejected too
        if (versionBits == 1 || layerBits == 0 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3
                || emphasis == 2) {
            return null;
        }
        int version = versionBits == 3 ? 1 : versionBits == 2 ? 2 : 25;
        int layer = 4 - layerBits;
        int table = version == 1 ? layer - 1 : layer == 1 ? 3 : 4;
        int bitrate = BITRATES[table][bitrateIndex - 1];
        int rate = RATES[version == 1 ? 0 : version == 2 ? 1 : 2][rateIndex];
        boolean padding = ((h >>> 9) & 1) == 1;
        int channelMode = (h >>> 6) & 3;
        return new MpegFrameHeader(version, layer, rate, bitrate, padding, channelMode == 3 ? 1 : 2);
    }

    /** Length of the whole frame in bytes, header included. */
    int frameLength() {
        int pad = padding ? 1 : 0;
        if (layer == 1) {
            return (12 * bitrateKbps * 1000 / sampleRate + pad) * 4;
        }
        int coefficient = layer == 3 && version != 1 ? 72 : 144;
        return coefficient * bitrateKbps * 1000 / sampleRate + pad;
    }

    /** Samples per channel in one frame. */
    int samplesPerFrame() {
        if (layer == 1) {
            return 384;
        }
        return layer == 3 && version != 1 ? 576 : 1152;
    }

    /** Offset of a Xing/Info tag from the frame start (after the header and the layer III side info). */
    int xingOffset() {
        if (version == 1) {
            return channels == 1 ? 4 + 17 : 4 + 32;
        }
        return channels == 1 ? 4 + 9 : 4 + 17;
    }

    /** True when the next frame of the same stream may follow this one. */
    boolean sameStream(MpegFrameHeader other) {
        return other != null && other.version == version && other.layer == layer && other.sampleRate == sampleRate;
    }
}
