package org.genrelens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFileFormat;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.audio.AudioSource;
import org.genrelens.audio.DecodedAudio;
import org.genrelens.inference.ClassifierOptions;
import org.genrelens.inference.GenreClassifier;
import org.genrelens.inference.TrackAnalyzer;
import org.genrelens.model.TrackPrediction;
import org.genrelens.testing.FfmpegEncoder;
import org.genrelens.testing.SharedData;
import org.genrelens.testing.TestAudio;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision record 0009: analysis may decode through ffmpeg (which also resamples) instead of the Java decoders and
 * TarsosDSP's resampler. The bundled model must not notice: on real clips and on generated audio, in every format
 * the JVM reads, both paths give the same top genre, and the probabilities stay close.
 */
class DecodePathEquivalenceTest {

    private static final List<String> FORMATS = List.of("mp3", "flac", "ogg");
    private static final List<String> GENRES = List.of("classical", "disco", "hiphop", "jazz", "rock");

    private static GenreClassifier classifier;

    @BeforeAll
    static void openModel() throws Exception {
        classifier = GenreClassifier.open(Path.of("models", "genre-cnn.onnx"), ClassifierOptions.defaults());
    }

    @AfterAll
    static void closeModel() {
        classifier.close();
    }

    @Test
    void bothDecodePathsGiveTheSameGenreOnRealClipsInEveryFormat(@TempDir Path dir) throws Exception {
        Path genres = SharedData.gtzanGenres();
        List<Path> files = new ArrayList<>();
        for (String genre : GENRES) {
            Path original = genres.resolve(genre).resolve(genre + ".00003.wav");
            Path stereo = stereo44k(original, dir.resolve(genre + "-44k.wav"));
            files.add(stereo);
            files.add(convert(stereo, dir.resolve(genre + "-44k.aif"), "aiff"));
            files.add(convert(stereo, dir.resolve(genre + "-44k.au"), "au"));
            for (String format : FORMATS) {
                files.add(FfmpegEncoder.encode(stereo, format, dir.resolve(genre + "." + format)));
            }
        }
        assertSameGenres(files);
    }

    @Test
    void bothDecodePathsGiveTheSameGenreOnGeneratedAudio(@TempDir Path dir) throws Exception {
        float[] chords = TestAudio.chord(new double[] {220, 277.2, 329.6}, 12, 48_000, 0.3);
        float[] stereo = new float[chords.length * 2];
        float[] noise = TestAudio.noise(12, 48_000, 0.05, 7);
        for (int i = 0; i < chords.length; i++) {
            stereo[2 * i] = chords[i] + noise[i];
            stereo[2 * i + 1] = 0.8f * chords[i];
        }
        Path wav = TestAudio.write(stereo, 2, 48_000, AudioFileFormat.Type.WAVE, dir.resolve("chords.wav"));
        List<Path> files = new ArrayList<>(List.of(wav,
                TestAudio.write(stereo, 2, 48_000, AudioFileFormat.Type.AIFF, dir.resolve("chords.aif")),
                TestAudio.write(stereo, 2, 48_000, AudioFileFormat.Type.AU, dir.resolve("chords.au"))));
        for (String format : FORMATS) {
            files.add(FfmpegEncoder.encode(wav, format, dir.resolve("chords." + format)));
        }
        assertSameGenres(files);
    }

    private static void assertSameGenres(List<Path> files) throws Exception {
        AudioDecoder jvm = new AudioDecoder();
        AudioDecoder fast = jvm.preferringFfmpeg();
        assertTrue(fast.ffmpegAvailable(), FfmpegEncoder.MISSING);
        TrackAnalyzer jvmAnalyzer = new TrackAnalyzer(jvm, classifier);
        TrackAnalyzer fastAnalyzer = new TrackAnalyzer(fast, classifier);
        StringBuilder report = new StringBuilder();
        int disagreements = 0;
        float worst = 0;
        for (Path file : files) {
            DecodedAudio viaJvm = jvm.decode(file, 22_050);
            DecodedAudio viaFfmpeg = fast.decode(file, 22_050);
            assertEquals(AudioSource.JVM, viaJvm.source().decoder(), file.toString());
            assertEquals(AudioSource.FFMPEG, viaFfmpeg.source().decoder(), file.toString());
            assertEquals(viaJvm.source().sampleRate(), viaFfmpeg.source().sampleRate(), file + ": source rate");
            assertEquals(viaJvm.source().channels(), viaFfmpeg.source().channels(), file + ": channels");
            assertEquals(viaJvm.samples().length, viaFfmpeg.samples().length, 0.002 * viaJvm.samples().length + 2,
                    file + ": length");
            TrackPrediction a = jvmAnalyzer.analyze(file);
            TrackPrediction b = fastAnalyzer.analyze(file);
            float distance = 0;
            for (int i = 0; i < a.labels().size(); i++) {
                distance = Math.max(distance, Math.abs(a.probabilities()[i] - b.probabilities()[i]));
            }
            worst = Math.max(worst, distance);
            report.append(String.format("%s: %s %.3f / %s %.3f (max |dp| %.3f)%n", file.getFileName(), a.topGenre(),
                    a.confidence(), b.topGenre(), b.confidence(), distance));
            if (!a.topGenre().equals(b.topGenre())) {
                disagreements++;
            }
        }
        assertEquals(0, disagreements, report.toString());
        assertTrue(worst < 0.05, "probabilities moved by up to " + worst + "\n" + report);
    }

    private static Path stereo44k(Path wav, Path target) throws Exception {
        return convert(wav, target, "wav", "-ar", "44100", "-ac", "2");
    }

    private static Path convert(Path source, Path target, String format, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of(FfmpegEncoder.ffmpeg().toString(), "-nostdin", "-loglevel",
                "error", "-y", "-i", source.toString()));
        args.addAll(List.of(options));
        args.addAll(List.of("-f", format, target.toString()));
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, "ffmpeg made " + target);
        assertTrue(Files.size(target) > 0);
        return target;
    }
}
