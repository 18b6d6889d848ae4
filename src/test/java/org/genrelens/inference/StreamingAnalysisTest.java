package org.genrelens.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.genrelens.audio.AudioDecodeException;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.audio.DecodedAudio;
import org.genrelens.features.FeatureSpec;
import org.genrelens.features.TileExtractor;
import org.genrelens.model.AnalysisMode;
import org.genrelens.model.TrackPrediction;
import org.genrelens.pipeline.AnalysisPipeline;
import org.genrelens.pipeline.AnalysisStage;
import org.genrelens.pipeline.FileOutcome;
import org.genrelens.task.Cancellation;
import org.genrelens.task.ProgressListener;
import org.genrelens.testing.FfmpegEncoder;
import org.genrelens.testing.OnnxTestModels;
import org.genrelens.testing.TestAudio;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Full analysis streams (decision record 0019): the track is tiled and classified while it is decoded. Its
 * prediction is the one the whole decoded track gives, window by window, on both decoder routes.
 */
class StreamingAnalysisTest {

    private static final List<String> LABELS = List.of("blues", "classical", "country", "disco", "hiphop", "jazz",
            "metal", "pop", "reggae", "rock");

    @TempDir
    static Path dir;
    private static GenreClassifier classifier;

    @BeforeAll
    static void openModel() throws Exception {
        Path model = OnnxTestModels.writeCnn(dir, "stream-cnn", FeatureSpec.defaultMel(), LABELS, new int[] {4, 8},
                11L);
        classifier = GenreClassifier.open(model, ClassifierOptions.defaults());
    }

    @AfterAll
    static void close() {
        classifier.close();
    }

    @ParameterizedTest(name = "{0} s of {1} at {2} Hz, {3}")
    @CsvSource({
        "1.3, tone, 22050, jvm", // shorter than one window
        "1.3, noise, 44100, ffmpeg-first",
        "5.0, tone, 22050, jvm", // exactly one window
        "12.3456, noise, 44100, jvm", // not a multiple of the STFT or window hop
        "12.3456, tone, 44100, ffmpeg-first",
        "47.77, tone+noise, 22050, jvm", // several batches of windows
        "47.77, tone+noise, 48000, ffmpeg-first"})
    void aStreamedAnalysisPredictsWhatTheWholeDecodedTrackPredicts(double seconds, String signal, int rate,
            String route) throws Exception {
        Path wav = TestAudio.writeWav(signal(signal, seconds, rate), rate,
                dir.resolve(signal + seconds + "-" + rate + route + ".wav"));
        AudioDecoder decoder = decoder(route);
        TrackAnalyzer analyzer = new TrackAnalyzer(decoder, classifier);

        TrackAnalyzer.Analysed streamed = analyzer.analyzeWithDuration(wav);
        DecodedAudio whole = decoder.decode(wav, classifier.featureSpec().sampleRate());
        TrackPrediction inMemory = classifier.classify(new TileExtractor(classifier.featureSpec())
                .extract(whole.samples()));

        assertEquals(whole.durationSeconds(), streamed.durationSeconds(), 1e-9);
        assertEquals(inMemory.windowCount(), streamed.prediction().windowCount());
        assertEquals(inMemory.padded(), streamed.prediction().padded());
        for (int w = 0; w < inMemory.windowCount(); w++) {
            assertArrayEquals(inMemory.windowProbabilities()[w], streamed.prediction().windowProbabilities()[w],
                    1e-6f, "window " + w);
        }
        assertArrayEquals(inMemory.probabilities(), streamed.prediction().probabilities(), 1e-6f);
        assertEquals(inMemory.topGenre(), streamed.prediction().topGenre());
    }

    @Test
    void aCompressedTrackStreamedThroughFfmpegPredictsWhatItsWholeDecodePredicts() throws Exception {
        Path wav = TestAudio.writeWav(signal("tone+noise", 23.4, 44_100), 44_100, dir.resolve("for-mp3.wav"));
        Path mp3 = FfmpegEncoder.encode(wav, "mp3", dir.resolve("stream.mp3"));
        AudioDecoder decoder = new AudioDecoder().preferringFfmpeg();

        TrackPrediction streamed = new TrackAnalyzer(decoder, classifier).analyze(mp3);
        TrackPrediction inMemory = classifier.classify(new TileExtractor(classifier.featureSpec())
                .extract(decoder.decode(mp3, 22_050).samples()));

        assertArrayEquals(inMemory.probabilities(), streamed.probabilities(), 1e-6f);
        assertEquals(inMemory.windowCount(), streamed.windowCount());
    }

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({"wav, jvm", "wav, ffmpeg-first", "flac, ffmpeg-first", "mp3, ffmpeg-first"})
    void aTruncatedFileFailsAloneWithItsReasonWhileTheOthersAreAnalysed(String format, String route)
            throws Exception {
        Path wav = TestAudio.writeWav(signal("tone", 20, 44_100), 44_100, dir.resolve("cut-" + format + route
                + ".wav"));
        Path whole = format.equals("wav") ? wav
                : FfmpegEncoder.encode(wav, format, dir.resolve("whole-" + route + "." + format));
        Path cut = dir.resolve("cut-" + route + "." + format);
        byte[] bytes = Files.readAllBytes(whole);
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
        Path good = TestAudio.writeWav(signal("noise", 9, 22_050), 22_050, dir.resolve("good-" + format + route
                + ".wav"));
        AnalysisStage stage = AnalysisStage.of(new TrackAnalyzer(decoder(route), classifier), AnalysisMode.FULL);

        List<FileOutcome> outcomes = new ArrayList<>();
        new AnalysisPipeline(stage, 1).run(List.of(good, cut, whole), (i, outcome) -> outcomes.add(outcome),
                ProgressListener.NONE, Cancellation.none());

        assertInstanceOf(FileOutcome.Analysed.class, outcomes.get(0));
        FileOutcome.Failed failed = assertInstanceOf(FileOutcome.Failed.class, outcomes.get(1));
        assertTrue(failed.reason() == AudioDecodeException.Reason.TRUNCATED
                || failed.reason() == AudioDecodeException.Reason.CORRUPT, failed.message());
        assertEquals(cut, failed.file());
        assertInstanceOf(FileOutcome.Analysed.class, outcomes.get(2));
    }

    private static AudioDecoder decoder(String route) {
        return switch (route) {
            case "jvm" -> new AudioDecoder(Optional.empty());
            case "ffmpeg-first" -> new AudioDecoder().preferringFfmpeg();
            default -> throw new IllegalArgumentException(route);
        };
    }

    static float[] signal(String kind, double seconds, int rate) {
        float[] tone = TestAudio.chord(new double[] {110, 880, 3_300}, seconds, rate, 0.6);
        float[] noise = TestAudio.noise(seconds, rate, 0.3, 7);
        float[] out = new float[tone.length];
        for (int i = 0; i < out.length; i++) {
            float envelope = (float) (0.3 + 0.7 * Math.abs(Math.sin(i / (double) rate / 3)));
            out[i] = switch (kind) {
                case "tone" -> tone[i] * envelope;
                case "noise" -> noise[i];
                default -> (tone[i] + noise[i]) * envelope * 0.7f;
            };
        }
        return out;
    }
}
