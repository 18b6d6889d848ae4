package org.genrelens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.genrelens.library.LibraryDatabase;
import org.genrelens.testing.FfmpegEncoder;
import org.genrelens.testing.TestAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanReadsExistingTagsTest {

    @Test
    void theScanRecordsTheGenreAFileAlreadyCarries(@TempDir Path dir) throws Exception {
        Path music = Files.createDirectories(dir.resolve("music"));
        Path wav = TestAudio.writeWav(TestAudio.sine(440, 3, 22_050, 0.5), 22_050, dir.resolve("tone.wav"));
        Path mp3 = FfmpegEncoder.encode(wav, "mp3", music.resolve("tone.mp3"));
        Path flac = FfmpegEncoder.encode(wav, "flac", music.resolve("untagged.flac"));
        String journal = dir.resolve("journal.jsonl").toString();
        assertEquals(0, CliRun.of("tag", "--genre", "Bossa Nova", "--journal", journal, mp3.toString()).exitCode());
        Path db = dir.resolve("library.db");

        CliRun scan = CliRun.of("scan", music.toString(), "--db", db.toString());

        assertEquals(0, scan.exitCode(), scan.err());
        try (LibraryDatabase library = LibraryDatabase.open(db)) {
            assertEquals(List.of("Bossa Nova"), library.tracks().find(mp3.toAbsolutePath()).orElseThrow().tags().genres());
            assertEquals(List.of(), library.tracks().find(flac.toAbsolutePath()).orElseThrow().tags().genres());
        }
    }
}
