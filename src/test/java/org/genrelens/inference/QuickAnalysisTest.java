package org.genrelens.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import javax.sound.sampled.AudioFileFormat;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.audio.DecodedExcerpts;
import org.genrelens.features.FeatureSpec;
import org.genrelens.model.AnalysisMode;
import org.genrelens.model.TrackPrediction;
import org.genrelens.task.Cancellation;
import org.genrelens.testing.FfmpegEncoder;
import org.genrelens.testing.TestAudio;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quick mode classifies {@link TrackAnalyzer#QUICK_WINDOWS} windows of the full-mode grid, read by seeking where
 * the format allows; each of its windows must be (nearly) the full-mode window at the same place.
 */
class QuickAnalysisTest {

    private static GenreClassifier classifier;
    @TempDir
    static Path dir;
    private static Path wav;

    @BeforeAll
    static void setUp() throws Exception {
        classifier = GenreClassifier.open(Path.of("models", "genre-cnn.onnx"), ClassifierOptions.defaults());
        wav = TestAudio.write(changingMusic(62, 44_100), 2, 44_100, AudioFileFormat.Type.WAVE, dir.resolve("song.wav"));
    }

    @AfterAll
    static void tearDown() {
        classifier.close();
    }

    @Test
    void quickWindowsAreTheFullModeWindowsAtTheSamePlaces() throws Exception {
        TrackAnalyzer withFfmpeg = new TrackAnalyzer(new AudioDecoder().preferringFfmpeg(), classifier);
        TrackAnalyzer javaOnly = new TrackAnalyzer(new AudioDecoder(Optional.empty()), classifier);
        for (String format : new String[] {"wav", "java-wav", "flac", "ogg", "mp3"}) {
            Path file = format.endsWith("wav") ? wav : FfmpegEncoder.encode(wav, format, dir.resolve("song." + format));
            TrackAnalyzer analyzer = format.startsWith("java") ? javaOnly : withFfmpeg;
            TrackPrediction full = analyzer.analyze(file, AnalysisMode.FULL);
            TrackPrediction quick = analyzer.analyze(file, AnalysisMode.QUICK);

            int[] picked = TrackAnalyzer.spread(full.windowCount());
            assertEquals(TrackAnalyzer.QUICK_WINDOWS, quick.windowCount(), format);
            for (int i = 0; i < picked.length; i++) {
                float[] a = full.windowProbabilities()[picked[i]];
                float[] b = quick.windowProbabilities()[i];
                for (int k = 0; k < a.length; k++) {
                    assertEquals(a[k], b[k], 0.05, format + ": window " + picked[i] + ", " + full.labels().get(k));
                }
            }
        }
    }

    @Test
    void pcmIsReadBySeekingAndCompressedFormatsThroughFfmpeg() throws Exception {
        AudioDecoder decoder = new AudioDecoder();
        assertTrue(decoder.ffmpegAvailable(), FfmpegEncoder.MISSING);
        DecodedExcerpts.Plan plan = samples -> new long[] {0, samples / 2};
        Path atTargetRate = TestAudio.write(changingMusic(20, 22_050), 2, 22_050, AudioFileFormat.Type.AIFF,
                dir.resolve("target-rate.aif"));
        DecodedExcerpts pcm = decoder.decodeExcerpts(atTargetRate, 22_050, 1000, plan, Cancellation.none());
        assertEquals("pcm-seek", pcm.method());
        assertEquals(20.0, pcm.durationSeconds(), 1e-6);
        assertArrayEquals(new long[] {0, 20 * 22_050 / 2}, pcm.startSamples());
        assertEquals(1000, pcm.excerpts().get(1).length);
        // resampling a few seconds costs TarsosDSP more than ffmpeg: only without ffmpeg does Java read it
        assertEquals("ffmpeg-seek", decoder.decodeExcerpts(wav, 22_050, 1000, plan, Cancellation.none()).method());
        DecodedExcerpts javaOnly = new AudioDecoder(Optional.empty())
                .decodeExcerpts(wav, 22_050, 1000, plan, Cancellation.none());
        assertEquals("pcm-seek", javaOnly.method());
        assertEquals(62.0, javaOnly.durationSeconds(), 1e-6);

        Path ogg = FfmpegEncoder.encode(wav, "ogg", dir.resolve("seek.ogg"));
        DecodedExcerpts viaFfmpeg = decoder.decodeExcerpts(ogg, 22_050, 1000, plan, Cancellation.none());
        assertEquals("ffmpeg-seek", viaFfmpeg.method());
        assertEquals(62.0, viaFfmpeg.durationSeconds(), 0.05);

        DecodedExcerpts withoutFfmpeg = new AudioDecoder(Optional.empty())
                .decodeExcerpts(ogg, 22_050, 1000, plan, Cancellation.none());
        assertEquals("whole", withoutFfmpeg.method());
        assertTrue(withoutFfmpeg.whole());
    }

    @Test
    void aTrackWithFewWindowsIsAnalysedInFullAndWithoutFfmpegTheSameWindowsAreCutFromTheWholeTrack()
            throws Exception {
        Path shortWav = TestAudio.write(changingMusic(11, 22_050), 2, 22_050, AudioFileFormat.Type.WAVE,
                dir.resolve("short.wav"));
        TrackAnalyzer analyzer = new TrackAnalyzer(new AudioDecoder(), classifier);
        FeatureSpec spec = analyzer.spec();
        TrackPrediction full = analyzer.analyze(shortWav, AnalysisMode.FULL);
        assertTrue(full.windowCount() <= TrackAnalyzer.QUICK_WINDOWS, "11 s has " + full.windowCount() + " windows");
        assertArrayEquals(full.probabilities(), analyzer.analyze(shortWav, AnalysisMode.QUICK).probabilities());

        Path mp3 = FfmpegEncoder.encode(wav, "mp3", dir.resolve("noseek.mp3"));
        TrackAnalyzer jvmOnly = new TrackAnalyzer(new AudioDecoder(Optional.empty()), classifier);
        TrackPrediction wholeFull = jvmOnly.analyze(mp3, AnalysisMode.FULL);
        TrackPrediction wholeQuick = jvmOnly.analyze(mp3, AnalysisMode.QUICK);
        int[] picked = TrackAnalyzer.spread(wholeFull.windowCount());
        for (int i = 0; i < picked.length; i++) {
            assertArrayEquals(wholeFull.windowProbabilities()[picked[i]], wholeQuick.windowProbabilities()[i],
                    1e-5f, "window " + picked[i] + " with hop " + spec.windowHopSeconds());
        }
    }

    @Test
    void aBatchSharesOneFfmpegProcessAndEachFileSucceedsOrFailsOnItsOwn() throws Exception {
        TrackAnalyzer analyzer = new TrackAnalyzer(new AudioDecoder().preferringFfmpeg(), classifier);
        Path mp3 = FfmpegEncoder.encode(wav, "mp3", dir.resolve("batch.mp3"));
        Path ogg = FfmpegEncoder.encode(wav, "ogg", dir.resolve("batch.ogg"));
        Path flac = FfmpegEncoder.encode(wav, "flac", dir.resolve("batch.flac"));
        byte[] bytes = java.nio.file.Files.readAllBytes(flac);
        Path cut = java.nio.file.Files.write(dir.resolve("cut.flac"),
                java.util.Arrays.copyOf(bytes, bytes.length / 2));
        byte[] noise = new byte[50_000];
        new Random(5).nextBytes(noise);
        Path notAudio = java.nio.file.Files.write(dir.resolve("noise.mp3"), noise);
        java.util.List<Path> files = java.util.List.of(mp3, notAudio, ogg, cut, wav, flac);

        java.util.List<TrackAnalyzer.Outcome> outcomes = analyzer.analyzeQuick(files, Cancellation.none());

        assertEquals(files.size(), outcomes.size());
        for (int i : new int[] {0, 2, 4, 5}) {
            TrackPrediction alone = analyzer.analyze(files.get(i), AnalysisMode.QUICK);
            TrackPrediction together = outcomes.get(i).analysed().prediction();
            assertEquals(files.get(i), outcomes.get(i).file());
            assertArrayEquals(alone.probabilities(), together.probabilities(), 1e-4f, files.get(i).toString());
            assertEquals(62.0, outcomes.get(i).analysed().durationSeconds(), 0.1);
        }
        assertEquals(org.genrelens.audio.AudioDecodeException.Reason.NOT_AUDIO, outcomes.get(1).error().reason());
        assertEquals(org.genrelens.audio.AudioDecodeException.Reason.TRUNCATED, outcomes.get(3).error().reason());
    }

    @Test
    void spreadTakesTheCentresOfEqualParts() {
        assertArrayEquals(new int[] {12, 36, 60, 84}, TrackAnalyzer.spread(96));
        assertArrayEquals(new int[] {0, 1, 3, 4}, TrackAnalyzer.spread(5));
    }

    /** Interleaved stereo whose chord, drum pattern and noise change every few seconds, so windows differ. */
    static float[] changingMusic(int seconds, int rate) {
        double[][] chords = {{220, 277.2, 329.6}, {196, 246.9, 293.7}, {110, 164.8, 440}, {82.4, 123.5, 659.3}};
        Random random = new Random(3);
        int n = seconds * rate;
        float[] out = new float[n * 2];
        for (int i = 0; i < n; i++) {
            double t = i / (double) rate;
            int section = (int) (t / 7) % chords.length;
            double v = 0;
            for (double f : chords[section]) {
                v += 0.1 * Math.sin(2 * Math.PI * f * t);
            }
            double beat = t * (2 + section) % 1.0;
            double drum = beat < 0.06 ? (random.nextDouble() * 2 - 1) * 0.5 * (1 - beat / 0.06) : 0;
            out[2 * i] = (float) (v + drum);
            out[2 * i + 1] = (float) (0.7 * v + drum);
        }
        return out;
    }
}
