package org.genrelens.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.genrelens.training.data.NonMusicCorpus;

/**
 * What this machine lacks for training, said before a run starts instead of as a native-library error half-way
 * through: PyTorch natives for this platform (a build carries only the platform it was built on, decision 0014),
 * and espeak-ng, without which the not-music class has no speech.
 *
 * @param platform          the running platform in DJL's words: {@code linux-x86_64}, {@code osx-aarch64}
 * @param nativesPlatforms  the platforms whose PyTorch natives are on the class path
 * @param speechSynthesiser whether espeak-ng was found
 */
public record TrainingReadiness(String platform, List<String> nativesPlatforms, boolean speechSynthesiser) {

    /** Where DJL's pytorch-native-cpu jar names its platform. */
    static final String NATIVES_PROPERTIES = "native/lib/pytorch.properties";

    public TrainingReadiness {
        nativesPlatforms = List.copyOf(nativesPlatforms);
    }

    /** This JVM's platform, the natives on its class path, and espeak-ng on its PATH. */
    public static TrainingReadiness ofThisMachine() {
        return new TrainingReadiness(platform(System.getProperty("os.name", ""), System.getProperty("os.arch", "")),
                nativesPlatforms(TrainingReadiness.class.getClassLoader()), NonMusicCorpus.findEspeak().isPresent());
    }

    /** DJL's name of a platform, from Java's {@code os.name} and {@code os.arch}. */
    static String platform(String osName, String osArch) {
        String name = osName.toLowerCase(Locale.ROOT);
        String os = name.startsWith("mac") ? "osx" : name.startsWith("windows") ? "win" : name.replace(' ', '_');
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64", "x64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> osArch.toLowerCase(Locale.ROOT);
        };
        return os + "-" + arch;
    }

    /** The {@code classifier} of every pytorch-native jar the loader sees. */
    static List<String> nativesPlatforms(ClassLoader loader) {
        List<String> platforms = new ArrayList<>();
        try {
            for (URL url : Collections.list(loader.getResources(NATIVES_PROPERTIES))) {
                try (InputStream in = url.openStream()) {
                    Properties properties = new Properties();
                    properties.load(in);
                    String classifier = properties.getProperty("classifier");
                    if (classifier != null) {
                        platforms.add(classifier.strip());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + NATIVES_PROPERTIES + " from the class path", e);
        }
        return platforms;
    }

    /** Empty when training can run here; otherwise why not, and what still works. */
    public Optional<String> trainingUnavailable() {
        if (nativesPlatforms.contains(platform)) {
            return Optional.empty();
        }
        String carried = nativesPlatforms.isEmpty() ? "no PyTorch libraries"
                : "PyTorch libraries for " + String.join(", ", nativesPlatforms) + " only";
        return Optional.of("Training is not available on this computer (" + platform + "): this build of GenreLens "
                + "carries " + carried + ". Classifying, browsing and tagging work. Training works in the builds for "
                + "Linux (x86-64, ARM64), Windows (x86-64) and Macs with Apple silicon.");
    }

    /** Empty when espeak-ng is there; otherwise what the not-music class loses and how to get it back. */
    public Optional<String> speechMissing() {
        if (speechSynthesiser) {
            return Optional.empty();
        }
        return Optional.of("espeak-ng is not installed, so the not-music class is built without speech (only noise, "
                + "tones, hum, near-silence and chirps) and the model may take speech for music. Install espeak-ng "
                + "(apt install espeak-ng, brew install espeak-ng, or espeak-ng's Windows installer with its folder on "
                + "the PATH) and train again.");
    }
}
