package org.genrelens.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** A folder-per-genre tree of two "genres" any listener tells apart: two-note chords, and broadband noise. */
public final class ToneNoiseDataset {

    private ToneNoiseDataset() {
    }

    /** Writes {@code perGenre} 6-second 22.05 kHz WAVs into {@code root}/tones and {@code root}/noise. */
    public static Path write(Path root, int perGenre, long seed) throws IOException {
        Random random = new Random(seed);
        Path tones = Files.createDirectories(root.resolve("tones"));
        Path noise = Files.createDirectories(root.resolve("noise"));
        for (int i = 0; i < perGenre; i++) {
            double f = 200 + random.nextInt(800);
            TestAudio.writeWav(TestAudio.chord(new double[] {f, f * 1.25}, 6, 22_050, 0.5), 22_050,
                    tones.resolve("t" + i + ".wav"));
            TestAudio.writeWav(TestAudio.noise(6, 22_050, 0.1 + 0.1 * random.nextDouble(), i), 22_050,
                    noise.resolve("n" + i + ".wav"));
        }
        return root;
    }
}
