package org.genrelens.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.genrelens.audio.AudioDecodeException;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.audio.DecodedAudio;
import org.genrelens.features.FeatureSpec;
import org.genrelens.features.Spectrogram;
import org.genrelens.features.SpectrogramImage;
import org.genrelens.features.TileExtractor;
import org.genrelens.inference.ModelCard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code genrelens spectrogram FILE --out x.png}: the track as the model sees it, as an image. */
@Command(name = "spectrogram", mixinStandardHelpOptions = true,
        description = "Writes a track's spectrogram as a PNG, computed with the model's FeatureSpec.")
public final class SpectrogramCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Audio file")
    Path file;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "PNG", description = "Image to write")
    Path out;

    @Option(names = "--model", paramLabel = "FILE",
            description = "Take the FeatureSpec from this model's card (default: the installed model; "
                    + "without one, the default log-mel spec)")
    Path model;

    @Option(names = "--channel", paramLabel = "N", defaultValue = "0",
            description = "Channel to draw for multi-channel specs (default: ${DEFAULT-VALUE})")
    int channel;

    @Override
    public Integer call() throws IOException {
        FeatureSpec featureSpec = featureSpec();
        if (channel < 0 || channel >= featureSpec.channels()) {
            throw new ParameterException(spec.commandLine(),
                    "--channel must be 0.." + (featureSpec.channels() - 1) + " for " + featureSpec.type());
        }
        DecodedAudio audio;
        try {
            audio = new AudioDecoder().decode(file, featureSpec.sampleRate());
        } catch (AudioDecodeException e) {
            spec.commandLine().getErr().println("genrelens: " + e.getMessage());
            return ExitCodes.FAILURES;
        }
        Spectrogram spectrogram = new TileExtractor(featureSpec).spectrogram(audio.samples());
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        SpectrogramImage.writePng(spectrogram, channel, out);
        spec.commandLine().getErr().printf("wrote %s (%d frames × %d bands, %s)%n", out, spectrogram.frames(),
                spectrogram.height(), featureSpec.type());
        return ExitCodes.OK;
    }

    private FeatureSpec featureSpec() throws IOException {
        Optional<Path> located = ModelLocator.fromSystem().locate(model);
        if (located.isEmpty()) {
            return FeatureSpec.defaultMel();
        }
        Path card = ModelCard.cardPathFor(located.get());
        if (!Files.isRegularFile(card)) {
            throw new ParameterException(spec.commandLine(), "no model card at " + card);
        }
        return ModelCard.read(card).featureSpec();
    }
}
