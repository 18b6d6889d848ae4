package org.genrelens.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * What a file's own headers say about its audio stream, read without decoding: the sample rate and channels (so a
 * decode that ffmpeg resamples can still report the file's own format and be checked against the length the file
 * announces) and the length, when the headers give it (so quick mode can place its excerpts).
 *
 * @param sampleRate    the stream's own rate, Hz
 * @param channels      the stream's channel count
 * @param bitsPerSample bit depth of PCM and FLAC; 0 for lossy formats
 * @param frames        frames per channel, or -1 when the headers do not say; an estimate for MP3 without a
 *                      Xing/Info tag (file size divided by the first frame's bitrate)
 */
record StreamHeader(int sampleRate, int channels, int bitsPerSample, long frames) {

    double durationSeconds() {
        return frames < 0 ? -1 : frames / (double) sampleRate;
    }

    /** Empty when the format is not one whose headers we read (MP4, Opus, ...) or they make no sense. */
    static Optional<StreamHeader> read(Path file, ContentSniffer.Sniff sniff, StructureInspector.Structure structure) {
        try {
            Optional<StreamHeader> header = switch (sniff.format()) {
                case WAV, AIFF, AU -> pcm(file);
                case MP3 -> mp3(file, sniff.payloadOffset(), structure);
                case FLAC -> flac(file, sniff.payloadOffset());
                case OGG_VORBIS -> vorbis(file, structure);
                case OGG_OPUS -> opus(file);
                case MP4 -> Mp4Header.read(file);
                default -> Optional.empty();
            };
            return header.filter(h -> h.sampleRate() > 0 && h.channels() > 0);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // the decoders will say what is wrong with the file
        }
    }

    private static Optional<StreamHeader> pcm(Path file) throws IOException {
        try (AudioInputStream in = JvmDecoder.openWithJdk(file)) {
            AudioFormat format = in.getFormat();
            long frames = in.getFrameLength() == AudioSystem.NOT_SPECIFIED ? -1 : in.getFrameLength();
            return Optional.of(new StreamHeader(Math.round(format.getSampleRate()), format.getChannels(),
                    Math.max(0, format.getSampleSizeInBits()), frames));
        } catch (javax.sound.sampled.UnsupportedAudioFileException e) {
            return Optional.empty();
        }
    }

    private static Optional<StreamHeader> mp3(Path file, long start, StructureInspector.Structure structure)
            throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            MpegFrameHeader h = MpegFrameHeader.parse(ContentSniffer.read(channel, start, 4), 0);
            if (h == null) {
                return Optional.empty();
            }
            long frames = structure.expectedFrames();
            if (frames <= 0 && h.bitrateKbps() > 0) {
                frames = (long) ((channel.size() - start) * 8.0 / (h.bitrateKbps() * 1000.0) * h.sampleRate());
            }
            return Optional.of(new StreamHeader(h.sampleRate(), h.channels(), 0, frames));
        }
    }

    /** STREAMINFO: 20 bits rate, 3 bits channels - 1, 5 bits depth - 1, 36 bits total samples. */
    private static Optional<StreamHeader> flac(Path file, long start) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            byte[] b = ContentSniffer.read(channel, start + 8, 18);
            if (b.length < 18) {
                return Optional.empty();
            }
            int rate = ((b[10] & 0xFF) << 12) | ((b[11] & 0xFF) << 4) | ((b[12] & 0xFF) >> 4);
            int channels = ((b[12] >> 1) & 7) + 1;
            int bits = (((b[12] & 1) << 4) | ((b[13] & 0xFF) >> 4)) + 1;
            long total = ((b[13] & 0xFL) << 32) | ((b[14] & 0xFFL) << 24) | ((b[15] & 0xFFL) << 16)
                    | ((b[16] & 0xFFL) << 8) | (b[17] & 0xFFL);
            return Optional.of(new StreamHeader(rate, channels, bits, total > 0 ? total : -1));
        }
    }

    /** The identification packet in the first page: "\1vorbis", version, channels, rate. */
    private static Optional<StreamHeader> vorbis(Path file, StructureInspector.Structure structure)
            throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            byte[] page = ContentSniffer.read(channel, 0, 27 + 255 + 30);
            if (page.length < 27) {
                return Optional.empty();
            }
            int body = 27 + (page[26] & 0xFF);
            if (body + 16 > page.length || page[body] != 1 || !ContentSniffer.startsWith(page, body + 1, "vorbis")) {
                return Optional.empty();
            }
            int channels = page[body + 11] & 0xFF;
            int rate = ByteBuffer.wrap(page, body + 12, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            return Optional.of(new StreamHeader(rate, channels, 0, structure.expectedFrames()));
        }
    }

    /**
     * OpusHead in the first page ("OpusHead", version, channels, pre-skip); Opus always decodes at 48 kHz, and the
     * last page's granule position less the pre-skip is the length.
     */
    private static Optional<StreamHeader> opus(Path file) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            byte[] page = ContentSniffer.read(channel, 0, 27 + 255 + 19);
            if (page.length < 27) {
                return Optional.empty();
            }
            int body = 27 + (page[26] & 0xFF);
            if (body + 12 > page.length || !ContentSniffer.startsWith(page, body, "OpusHead")) {
                return Optional.empty();
            }
            int channels = page[body + 9] & 0xFF;
            int preSkip = (page[body + 10] & 0xFF) | (page[body + 11] & 0xFF) << 8;
            long granule = lastGranule(channel);
            return Optional.of(new StreamHeader(48_000, channels, 0, granule > preSkip ? granule - preSkip : -1));
        }
    }

    /** The granule position of the page that ends exactly at the end of the file, or -1. */
    private static long lastGranule(SeekableByteChannel channel) throws IOException {
        long size = channel.size();
        int tailLength = (int) Math.min(size, 70_000);
        byte[] tail = ContentSniffer.read(channel, size - tailLength, tailLength);
        for (int i = tail.length - 27; i >= 0; i--) {
            if (!ContentSniffer.startsWith(tail, i, "OggS") || tail[i + 4] != 0 || i + 27 + (tail[i + 26] & 0xFF)
                    > tail.length) {
                continue;
            }
            long length = 27L + (tail[i + 26] & 0xFF);
            for (int s = 0; s < (tail[i + 26] & 0xFF); s++) {
                length += tail[i + 27 + s] & 0xFF;
            }
            if (i + length == tail.length) {
                return ByteBuffer.wrap(tail, i + 6, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            }
        }
        return -1;
    }
}
