package org.genrelens.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.genrelens.features.FeatureSpec;
import org.genrelens.workspace.AppPaths;

/**
 * A small music folder for app-level tests: a low tone as MP3, a high tone as FLAC, and a file that only claims to
 * be an MP3; with a band-energy model that calls low tones "low" and high ones "high" as the bundled model.
 */
public record TestLibrary(Path music, Path low, Path high, Path broken, AppPaths paths) {

    public static TestLibrary create(Path dir) throws IOException {
        return create(dir, Optional.empty());
    }

    /** As {@link #create(Path)}, with {@code bundledModel} as the app's bundled model instead of the test model. */
    public static TestLibrary create(Path dir, Optional<Path> bundledModel) throws IOException {
        Path music = Files.createDirectories(dir.resolve("music"));
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        Path low = FfmpegEncoder.encode(TestAudio.writeWav(TestAudio.sine(110, 8, 22_050, 0.5), 22_050,
                scratch.resolve("low.wav")), "mp3", music.resolve("low.mp3"));
        Path high = FfmpegEncoder.encode(TestAudio.writeWav(TestAudio.sine(6_000, 8, 22_050, 0.5), 22_050,
                scratch.resolve("high.wav")), "flac", music.resolve("high.flac"));
        Path broken = Files.writeString(music.resolve("broken.mp3"), "this is not audio");
        Path models = Files.createDirectories(dir.resolve("bundled"));
        Path model = OnnxTestModels.writeBandEnergyModel(models, "low-high", FeatureSpec.defaultMel(),
                List.of("low", "high"));
        return new TestLibrary(music, low, high, broken, AppPaths.inFolder(dir.resolve("data"),
                Optional.of(bundledModel.orElse(model))));
    }
}
