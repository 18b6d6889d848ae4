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
}
