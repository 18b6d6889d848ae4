package org.genrelens.tags;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.genrelens.model.TrackPrediction;
import org.genrelens.testing.FfmpegEncoder;
import org.genrelens.testing.TestAudio;

/** Real audio files in every taggable format, encoded from one generated chord, and predictions to tag them with. */
final class TestTracks {

    static final List<String> FORMATS = List.of("mp3", "flac", "ogg", "m4a", "wav", "aiff");

    private TestTracks() {
    }

    /** Writes source.FORMAT for every format into {@code dir} (call once per test class). */
    static void encodeAll(Path dir) throws IOException {
        Path wav = TestAudio.writeWav(TestAudio.chord(new double[] {220, 277, 330}, 1.5, 22_050, 0.6), 22_050,
                dir.resolve("source.wav"));
        for (String format : FORMATS) {
            if (!format.equals("wav")) {
                FfmpegEncoder.encode(wav, format, dir.resolve("source." + format));
            }
        }
    }

    /** A fresh copy of the encoded source, so each test starts from an untagged file. */
    static Path copy(Path sources, String format, Path target) throws IOException {
        return Files.copy(sources.resolve("source." + format), target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** A prediction of {@code genre} among three labels with the given confidence. */
    static TrackPrediction prediction(String genre, float confidence, boolean uncertain) {
        List<String> labels = List.of(genre, "other-a", "other-b");
        float rest = (1f - confidence) / 2f;
        return new TrackPrediction(labels, new float[] {confidence, rest, rest}, new float[0][], uncertain, false);
    }
}
