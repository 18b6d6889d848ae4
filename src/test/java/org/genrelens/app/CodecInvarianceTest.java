package org.genrelens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.genrelens.testing.FfmpegEncoder;
import org.genrelens.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same song in every format gets the same genre from the bundled model: codecs low-pass, resample and
 * change the channel count, and none of that may flip the answer at ordinary bitrates.
 */
class CodecInvarianceTest {

    private static final List<String> FORMATS = List.of("mp3", "flac", "ogg", "m4a", "opus", "wma", "aiff");
    private static final List<String> GENRES = List.of("blues", "country", "disco", "metal", "reggae");

    @Test
    void everyFormatOfAClipGetsTheGenreOfTheOriginal(@TempDir Path dir) throws Exception {
        Path genres = SharedData.gtzanGenres();
        for (String genre : GENRES) {
            Path original = genres.resolve(genre).resolve(genre + ".00002.wav");
            Path copy = Files.copy(original, dir.resolve(genre + ".wav"));
            for (String format : FORMATS) {
                FfmpegEncoder.encode(copy, format, dir.resolve(genre + "." + format));
            }
            stereo44k(copy, dir.resolve(genre + "-44k-stereo.aif"));
        }

        CliRun run = CliRun.of("classify", "--json", dir.toString());

        assertEquals(0, run.exitCode(), run.err());
        Map<String, String> genreOfOriginal = new HashMap<>();
        Map<String, String> byFile = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : run.out().lines().toList()) {
            JsonNode track = json.readTree(line);
            String name = Path.of(track.get("path").asText()).getFileName().toString();
            byFile.put(name, track.get("genre").asText());
            if (name.endsWith(".wav")) {
                genreOfOriginal.put(name.substring(0, name.indexOf('.')), track.get("genre").asText());
            }
        }
        assertEquals(GENRES.size() * (FORMATS.size() + 2), byFile.size(), run.out());
        for (var entry : byFile.entrySet()) {
            String clip = entry.getKey().replaceFirst("[.-].*$", "");
            assertEquals(genreOfOriginal.get(clip), entry.getValue(), entry.getKey() + " vs the original WAV");
        }
    }

    private static void stereo44k(Path wav, Path target) throws Exception {
        Process process = new ProcessBuilder(FfmpegEncoder.ffmpeg().toString(), "-nostdin", "-loglevel", "error",
                "-y", "-i", wav.toString(), "-ar", "44100", "-ac", "2", "-f", "aiff", target.toString())
                .redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, "ffmpeg made " + target);
    }
}
