package org.genrelens.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Random;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Generates test audio: tones, noise, chords; writes it as 16-bit PCM WAV, AU or AIFF. */
public final class TestAudio {

    private TestAudio() {
    }

    /** A sine of the given frequency and peak amplitude. */
    public static float[] sine(double frequencyHz, double seconds, int sampleRate, double amplitude) {
        int n = (int) Math.round(seconds * sampleRate);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (amplitude * Math.sin(2 * Math.PI * frequencyHz * i / sampleRate));
        }
        return out;
    }

    /** Sum of sines, scaled so the peak stays below the amplitude. */
    public static float[] chord(double[] frequenciesHz, double seconds, int sampleRate, double amplitude) {
        int n = (int) Math.round(seconds * sampleRate);
        float[] out = new float[n];
        for (double f : frequenciesHz) {
            float[] s = sine(f, seconds, sampleRate, amplitude / frequenciesHz.length);
            for (int i = 0; i < n; i++) {
                out[i] += s[i];
            }
        }
        return out;
    }

    /** Uniform white noise, seeded. */
    public static float[] noise(double seconds, int sampleRate, double amplitude, long seed) {
        Random random = new Random(seed);
        int n = (int) Math.round(seconds * sampleRate);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (amplitude * (random.nextDouble() * 2 - 1));
        }
        return out;
    }

    /** Writes mono or interleaved multichannel samples as 16-bit signed PCM in the given container. */
    public static Path write(float[] interleaved, int channels, int sampleRate, AudioFileFormat.Type type,
            Path target) throws IOException {
        boolean bigEndian = type != AudioFileFormat.Type.WAVE;
        ByteBuffer bytes = ByteBuffer.allocate(interleaved.length * 2)
                .order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        for (float v : interleaved) {
            bytes.putShort((short) Math.round(Math.max(-1f, Math.min(1f, v)) * 32767f));
        }
        AudioFormat format = new AudioFormat(sampleRate, 16, channels, true, bigEndian);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(bytes.array()), format,
                interleaved.length / channels)) {
            AudioSystem.write(in, type, target.toFile());
        }
        return target;
    }

    public static Path writeWav(float[] mono, int sampleRate, Path target) throws IOException {
        return write(mono, 1, sampleRate, AudioFileFormat.Type.WAVE, target);
    }

    /**
     * Writes interleaved samples as a canonical WAV: 8-bit unsigned, 16/24/32-bit signed integer, or 32-bit float
     * ({@code floatingPoint}). Written by hand because JavaSound's writer only does integer PCM.
     */
    public static Path writeWav(float[] interleaved, int channels, int sampleRate, int bits, boolean floatingPoint,
            Path target) throws IOException {
        if (floatingPoint && bits != 32) {
            throw new IllegalArgumentException("float WAV is 32-bit here");
        }
        int bytesPerSample = bits / 8;
        int dataBytes = interleaved.length * bytesPerSample;
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes + (dataBytes & 1)).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + dataBytes + (dataBytes & 1))
                .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) (floatingPoint ? 3 : 1)).putShort((short) channels).putInt(sampleRate)
                .putInt(sampleRate * channels * bytesPerSample).putShort((short) (channels * bytesPerSample))
                .putShort((short) bits);
        b.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(dataBytes);
        for (float v : interleaved) {
            double x = Math.max(-1.0, Math.min(1.0, v));
            if (floatingPoint) {
                b.putFloat((float) x);
            } else if (bits == 8) {
                b.put((byte) (Math.round(x * 127.0) + 128));
            } else if (bits == 16) {
                b.putShort((short) Math.round(x * 32767.0));
            } else if (bits == 24) {
                int s = (int) Math.round(x * 8_388_607.0);
                b.put((byte) s).put((byte) (s >> 8)).put((byte) (s >> 16));
            } else if (bits == 32) {
                b.putInt((int) Math.round(x * 2_147_483_647.0));
            } else {
                throw new IllegalArgumentException("bits must be 8, 16, 24 or 32, was " + bits);
            }
        }
        java.nio.file.Files.write(target, b.array());
        return target;
    }

    /** Repeats a mono signal into {@code channels} identical interleaved channels. */
    public static float[] interleave(float[] mono, int channels) {
        float[] out = new float[mono.length * channels];
        for (int i = 0; i < mono.length; i++) {
            for (int c = 0; c < channels; c++) {
                out[i * channels + c] = mono[i];
            }
        }
        return out;
    }
}
