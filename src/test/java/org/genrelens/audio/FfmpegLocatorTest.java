package org.genrelens.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegLocatorTest {

    @TempDir
    Path dir;

    @Test
    void noPathMeansNoFfmpegAndNothingIsDownloaded() {
        assertEquals(Optional.empty(), FfmpegLocator.findOnPath(""));
        assertEquals(Optional.empty(), FfmpegLocator.findOnPath(null));
        assertEquals(Optional.empty(), FfmpegLocator.findOnPath(dir.toString()));
    }

    @Test
    void firstExecutableOnPathWinsAndNonExecutablesAreSkipped() throws Exception {
        Path notExecutable = Files.createDirectories(dir.resolve("a"));
        Files.writeString(notExecutable.resolve("ffmpeg"), "not a program");
        Path bin = Files.createDirectories(dir.resolve("b"));
        Path ffmpeg = Files.writeString(bin.resolve("ffmpeg"), "#!/bin/sh\necho 'ffmpeg version 9.9-test'\n");
        Files.setPosixFilePermissions(ffmpeg, PosixFilePermissions.fromString("rwx------"));

        Optional<Path> found = FfmpegLocator.findOnPath(notExecutable + File.pathSeparator + File.pathSeparator + bin);

        assertEquals(Optional.of(ffmpeg.toAbsolutePath()), found);
        assertEquals(Optional.of("ffmpeg version 9.9-test"), FfmpegLocator.version(ffmpeg));
    }

    @Test
    void binaryThatDoesNotAnswerIsNotAvailable() throws Exception {
        Path broken = Files.writeString(dir.resolve("ffmpeg"), "#!/bin/sh\nexit 3\n");
        Files.setPosixFilePermissions(broken, PosixFilePermissions.fromString("rwx------"));

        AudioDecoder decoder = new AudioDecoder(Optional.of(broken));

        assertEquals(Optional.empty(), decoder.ffmpegVersion());
        assertTrue(!decoder.ffmpegAvailable());
    }
}
