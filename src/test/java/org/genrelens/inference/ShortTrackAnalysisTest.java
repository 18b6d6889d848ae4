package org.genrelens.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.model.AnalysisMode;
import org.genrelens.model.TrackPrediction;
import org.genrelens.testing.FfmpegEncoder;
import org.genrelens.testing.TestAudio;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A valid track shorter than one analysis window (5 s) is analysed: padded with silence to one window and flagged
 * as such ({@link TrackPrediction#padded()}, "shorter than one window"), in both modes and on every route; it is
 * never refused as damaged.
 */
class ShortTrackAnalysisTest {

    private static GenreClassifier classifier;
    @TempDir
    static Path dir;

    @BeforeAll
    static void setUp() throws Exception {
        classifier = GenreClassifier.open(Path.of("models", "genre-cnn.onnx"), ClassifierOptions.defaults());
    }

    @AfterAll
    static void tearDown() {
        classifier.close();
    }

    @ParameterizedTest(name = "{1} samples of {0} at 44.1 kHz via {2}")
    @CsvSource({
        "wav,1,jvm", "wav,1,ffmpeg-first", "wav,2205,jvm",
        "ogg,2205,jvm", "ogg,6615,ffmpeg-first", "ogg,44100,jvm-then-ffmpeg", "ogg,200000,ffmpeg-first",
        "mp3,2205,jvm", "mp3,6615,ffmpeg-first",
        "flac,2205,ffmpeg-first",
        "m4a,2205,ffmpeg-first", "m4a,44100,jvm-then-ffmpeg",
        "opus,2205,ffmpeg-first", "opus,44100,jvm-then-ffmpeg"})
    void aTrackShorterThanOneWindowIsAnalysedPaddedInBothModes(String format, int samples, String route)
            throws Exception {
        float[] tone = TestAudio.sine(440, samples / 44_100.0, 44_100, 0.5);
        Path wav = TestAudio.writeWav(tone, 44_100, dir.resolve(format + samples + route + ".wav"));
        Path file = format.equals("wav") ? wav
                : FfmpegEncoder.encode(wav, format, dir.resolve(samples + route + "." + format));
        TrackAnalyzer analyzer = new TrackAnalyzer(decoder(route), classifier);

        for (AnalysisMode mode : AnalysisMode.values()) {
            TrackAnalyzer.Analysed analysed = analyzer.analyzeWithDuration(file, mode,
                    org.genrelens.task.Cancellation.none());

            assertTrue(analysed.prediction().padded(), mode + ": shorter than one window");
            assertEquals(1, analysed.prediction().windowCount(), mode.toString());
            assertTrue(analysed.durationSeconds() < classifier.featureSpec().windowSeconds(), mode.toString());
        }
    }

    private static AudioDecoder decoder(String route) {
        return switch (route) {
            case "jvm" -> new AudioDecoder(Optional.empty());
            case "jvm-then-ffmpeg" -> new AudioDecoder();
            case "ffmpeg-first" -> new AudioDecoder().preferringFfmpeg();
            default -> throw new IllegalArgumentException(route);
        };
    }
}
