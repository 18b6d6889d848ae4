package org.genrelens.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sound.sampled.AudioFileFormat;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.testing.FfmpegEncoder;
import org.genrelens.testing.TestAudio;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Decoding a whole 4-minute 44.1 kHz stereo track to 22050 Hz mono, per format, by the JVM-first decoder and by
 * the one analysis uses, which lets ffmpeg decode and resample (decision record 9).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DecodeBenchmark {

    @Param({"wav", "mp3", "flac", "ogg", "m4a"})
    public String format;

    @Param({"jvm", "ffmpeg"})
    public String path;

    private Path dir;
    private Path track;
    private AudioDecoder decoder;

    @Setup
    public void encodeTrack() throws IOException {
        decoder = path.equals("ffmpeg") ? new AudioDecoder().preferringFfmpeg() : new AudioDecoder();
        dir = Files.createTempDirectory("decode-bench");
        Path wav = TestAudio.write(musicLike(240, 44_100), 2, 44_100, AudioFileFormat.Type.WAVE,
                dir.resolve("track.wav"));
        track = format.equals("wav") ? wav : FfmpegEncoder.encode(wav, format, dir.resolve("track." + format));
    }

    @Benchmark
    public float[] decodeWholeTrack() throws Exception {
        return decoder.decode(track, 22_050).samples();
    }

    @TearDown
    public void deleteTrack() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Interleaved stereo: a chord that changes every 2 s, and noise bursts on the beat (120 bpm) like drums. */
    static float[] musicLike(int seconds, int rate) {
        double[][] chords = {{220, 277.2, 329.6}, {196, 246.9, 293.7}, {174.6, 220, 261.6}, {164.8, 207.7, 246.9}};
        Random random = new Random(1);
        int n = seconds * rate;
        float[] out = new float[n * 2];
        for (int i = 0; i < n; i++) {
            double t = i / (double) rate;
            double[] chord = chords[(int) (t / 2) % chords.length];
            double v = 0;
            for (double f : chord) {
                v += 0.12 * Math.sin(2 * Math.PI * f * t);
            }
            double beat = t * 2 % 1.0; // 0..1 within a beat
            double drum = beat < 0.08 ? (random.nextDouble() * 2 - 1) * 0.4 * (1 - beat / 0.08) : 0;
            out[2 * i] = (float) (v + drum);
            out[2 * i + 1] = (float) (0.9 * v + drum);
        }
        return out;
    }
}
