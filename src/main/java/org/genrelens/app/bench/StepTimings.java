package org.genrelens.app.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.genrelens.audio.AudioDecodeException;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.audio.DecodedAudio;
import org.genrelens.features.TileExtractor;
import org.genrelens.features.Tiles;
import org.genrelens.features.TrackSpectrum;
import org.genrelens.inference.GenreClassifier;
import org.genrelens.task.Cancellation;

/**
 * {@code bench-decode --steps}: where a full analysis spends its time, step by step, on one thread: decoding
 * (wall time, and the CPU time of the Java thread reading ffmpeg's output), the spectrogram, the tiles and the
 * classifier. Milliseconds per track, averaged over every track of a round; the first round warms up.
 */
public final class StepTimings {

    private StepTimings() {
    }

    static void print(List<Path> files, AudioDecoder decoder, GenreClassifier classifier, int rounds, PrintWriter out)
            throws AudioDecodeException {
        TileExtractor extractor = new TileExtractor(classifier.featureSpec());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int rate = classifier.featureSpec().sampleRate();
        out.println("per step, one thread, ms per track (decode: wall, and the reading thread's CPU):");
        for (int round = 0; round <= rounds; round++) {
            double decode = 0;
            double reading = 0;
            double spectrum = 0;
            double tiles = 0;
            double classify = 0;
            for (Path file : files) {
                long cpu = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                DecodedAudio audio = decoder.decode(file, rate, Cancellation.none());
                long t1 = System.nanoTime();
                reading += (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
                TrackSpectrum spectra = extractor.spectrum(audio.samples());
                long t2 = System.nanoTime();
                Tiles cut = extractor.tiles(spectra);
                long t3 = System.nanoTime();
                classifier.classify(cut);
                long t4 = System.nanoTime();
                decode += (t1 - t0) / 1e6;
                spectrum += (t2 - t1) / 1e6;
                tiles += (t3 - t2) / 1e6;
                classify += (t4 - t3) / 1e6;
            }
            int n = files.size();
            out.printf(Locale.ROOT, "%s decode %.1f (reading %.1f)  spectrogram %.1f  tiles %.1f  classify %.1f%n",
                    round == 0 ? "warm-up:" : "round " + round + ":", decode / n, reading / n, spectrum / n,
                    tiles / n, classify / n);
            out.flush();
        }
    }
}
