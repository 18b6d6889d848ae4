package org.genrelens.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.inference.ClassifierOptions;
import org.genrelens.inference.GenreClassifier;
import org.genrelens.inference.TrackAnalyzer;
import org.genrelens.model.AnalysisMode;
import org.genrelens.task.Cancellation;
import org.genrelens.task.ProgressListener;
import org.genrelens.testing.FfmpegEncoder;
import org.genrelens.testing.TestAudio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API the desktop app calls: a mode, a progress listener and a cancellation, on a real library and model. */
class LibraryAnalyzerTest {

    @TempDir
    Path tmp;
    LibraryDatabase db;
    GenreClassifier classifier;
    LibraryAnalyzer analyzer;
    List<Path> files = new ArrayList<>();

    @BeforeEach
    void scanFiveTracks() throws Exception {
        Path music = tmp.resolve("music");
        Files.createDirectories(music);
        for (int i = 0; i < 5; i++) {
            float[] tone = TestAudio.chord(new double[] {200 + 30 * i, 300, 450}, 30, 44_100, 0.3);
            float[] stereo = new float[tone.length * 2];
            for (int k = 0; k < tone.length; k++) {
                stereo[2 * k] = tone[k];
                stereo[2 * k + 1] = 0.5f * tone[k];
            }
            Path wav = TestAudio.write(stereo, 2, 44_100, AudioFileFormat.Type.WAVE, tmp.resolve(i + ".wav"));
            files.add(i == 0 ? Files.copy(wav, music.resolve("0.wav"))
                    : FfmpegEncoder.encode(wav, i % 2 == 0 ? "ogg" : "mp3", music.resolve(i + (i % 2 == 0 ? ".ogg"
                    : ".mp3"))));
        }
        db = LibraryDatabase.open(tmp.resolve("lib.db"));
        new LibraryScanner(db).scan(List.of(music), ScanOptions.defaults(), ProgressListener.NONE,
                Cancellation.none());
        classifier = GenreClassifier.open(Path.of("models", "genre-cnn.onnx"), ClassifierOptions.defaults());
        analyzer = new LibraryAnalyzer(db, new TrackAnalyzer(new AudioDecoder().preferringFfmpeg(), classifier),
                classifier.card().sha256(), 2);
    }

    @AfterEach
    void close() {
        classifier.close();
        db.close();
    }

    @Test
    void quickRunReportsProgressPerTrackAndAFullRunRedoesItsTracks() {
        List<long[]> progress = new ArrayList<>();
        LibraryAnalyzer.Report quick = analyzer.analyzePending(AnalysisMode.QUICK, false,
                (done, total, message) -> progress.add(new long[] {done, total}), Cancellation.none());

        assertEquals(5, quick.analysed(), quick.failures().toString());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), progress.stream().map(p -> p[0]).toList());
        assertTrue(progress.stream().allMatch(p -> p[1] == 5));
        assertTrue(db.analyses().latestPerTrack().values().stream().allMatch(a -> a.mode() == AnalysisMode.QUICK));
        assertEquals(0, analyzer.analyzePending(AnalysisMode.QUICK, false, ProgressListener.NONE,
                Cancellation.none()).analysed());

        LibraryAnalyzer.Report full = analyzer.analyzePending(AnalysisMode.FULL, false, ProgressListener.NONE,
                Cancellation.none());
        assertEquals(5, full.analysed());
        assertTrue(db.analyses().latestPerTrack().values().stream().allMatch(a -> a.mode() == AnalysisMode.FULL));
    }

    @Test
    void aCancelledRunStoresNothingAndSaysSo() {
        Cancellation cancelled = new Cancellation();
        cancelled.cancel();

        LibraryAnalyzer.Report report = analyzer.analyzePending(AnalysisMode.QUICK, false, ProgressListener.NONE,
                cancelled);

        assertTrue(report.cancelled());
        assertEquals(0, report.analysed());
        assertEquals(5, db.analyses().needingAnalysis(classifier.card().sha256(), classifier.featureSpec().hash(),
                AnalysisMode.QUICK, false).size());
    }

    @Test
    void aTrackCutShortAfterTheScanFailsAloneInItsQuickBatch() throws IOException {
        Path mp3 = files.get(1);
        byte[] bytes = Files.readAllBytes(mp3);
        Files.write(mp3, Arrays.copyOf(bytes, bytes.length / 3));

        LibraryAnalyzer.Report report = analyzer.analyzePending(AnalysisMode.QUICK, false, ProgressListener.NONE,
                Cancellation.none());

        assertEquals(4, report.analysed());
        assertEquals(1, report.failed());
        assertTrue(report.failures().get(0).contains(mp3.getFileName().toString()), report.failures().toString());
        long id = db.tracks().find(mp3).orElseThrow().id();
        Analysis failed = db.analyses().latest(id).orElseThrow();
        assertEquals(Analysis.Status.FAILED, failed.status());
        assertEquals(AnalysisMode.QUICK, failed.mode());
    }
}
