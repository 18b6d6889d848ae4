package org.genrelens.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingReadinessTest {

    @Test
    void javaPlatformNamesBecomeTheNamesOfDjlsNativeJars() {
        assertEquals("linux-x86_64", TrainingReadiness.platform("Linux", "amd64"));
        assertEquals("linux-aarch64", TrainingReadiness.platform("Linux", "aarch64"));
        assertEquals("osx-aarch64", TrainingReadiness.platform("Mac OS X", "aarch64"));
        assertEquals("osx-x86_64", TrainingReadiness.platform("Mac OS X", "x86_64"));
        assertEquals("win-x86_64", TrainingReadiness.platform("Windows 11", "amd64"));
        assertEquals("win-aarch64", TrainingReadiness.platform("Windows 11", "arm64"));
    }

    @Test
    void theBuildUnderTestCarriesPyTorchForTheMachineItRunsOn() {
        TrainingReadiness here = TrainingReadiness.ofThisMachine();

        assertTrue(here.nativesPlatforms().contains(here.platform()), here.toString());
        assertEquals(java.util.Optional.empty(), here.trainingUnavailable());
    }

    @Test
    void aBuildWithAnotherPlatformsNativesSaysPlainlyThatTrainingIsNotAvailableHere(@TempDir Path jar)
            throws Exception {
        Path properties = jar.resolve(TrainingReadiness.NATIVES_PROPERTIES);
        Files.createDirectories(properties.getParent());
        Files.writeString(properties, "version=2.7.1\nflavor=cpu\nclassifier=linux-x86_64\n");
        List<String> carried;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            carried = TrainingReadiness.nativesPlatforms(loader);
        }

        String reason = new TrainingReadiness("osx-x86_64", carried, true).trainingUnavailable().orElseThrow();

        assertEquals(List.of("linux-x86_64"), carried);
        assertTrue(reason.startsWith("Training is not available on this computer (osx-x86_64)"), reason);
        assertTrue(reason.contains("PyTorch libraries for linux-x86_64 only"), reason);
        assertTrue(reason.contains("Classifying, browsing and tagging work"), reason);
    }

    @Test
    void aBuildWithoutAnyPyTorchNativesSaysSo() throws Exception {
        List<String> carried;
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            carried = TrainingReadiness.nativesPlatforms(empty);
        }

        String reason = new TrainingReadiness("win-x86_64", carried, true).trainingUnavailable().orElseThrow();

        assertTrue(reason.contains("carries no PyTorch libraries"), reason);
    }

    @Test
    void aMissingEspeakIsNamedWithWhatTheNotMusicClassLosesAndHowToInstallIt() {
        String warning = new TrainingReadiness("linux-x86_64", List.of("linux-x86_64"), false).speechMissing()
                .orElseThrow();

        assertTrue(warning.startsWith("espeak-ng is not installed, so the not-music class is built without speech"),
                warning);
        assertTrue(warning.contains("apt install espeak-ng"), warning);
        assertTrue(new TrainingReadiness("linux-x86_64", List.of("linux-x86_64"), true).speechMissing().isEmpty());
    }
}
