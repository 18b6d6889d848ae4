package org.genrelens.app.training;

import java.util.List;
import java.util.Locale;
import org.genrelens.features.FeatureSpec;
import org.genrelens.features.FrequencyScale;
import org.genrelens.features.SpectrogramType;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The spectrogram a new model is trained on; unset options keep {@link FeatureSpec#defaultMel()}'s values. */
public final class FeatureOptions {

    @Option(names = "--type", paramLabel = "MEL|MULTI_STFT|STFT", description = "Spectrogram type (default: MEL)")
    String type;

    @Option(names = "--bands", paramLabel = "N", description = "Mel bands, or log bands of an STFT")
    Integer bands;

    @Option(names = "--fft", split = ",", paramLabel = "N[,N,N]",
            description = "FFT window sizes: one, or three for MULTI_STFT")
    List<Integer> fftSizes;

    @Option(names = "--hop-length", paramLabel = "SAMPLES", description = "STFT hop (default 512)")
    Integer hopLength;

    @Option(names = "--fmax", paramLabel = "HZ", description = "Highest frequency kept (default 10000)")
    Double fMax;

    @Option(names = "--window-hop", paramLabel = "SECONDS",
            description = "Seconds between the starts of the 5 s windows a track is classified in, the model's "
                    + "inference grid; evaluation uses it too (default 2.5)")
    Double windowHopSeconds;

    FeatureSpec featureSpec(CommandLine commandLine) {
        return featureSpec(commandLine, FeatureSpec.defaultMel());
    }

    /** Whether any spectrogram option was given. */
    boolean anyGiven() {
        return type != null || bands != null || fftSizes != null || hopLength != null || fMax != null
                || windowHopSeconds != null;
    }

    /** {@code base} with the options that were given; a new type brings its own FFT sizes and scale. */
    FeatureSpec featureSpec(CommandLine commandLine, FeatureSpec base) {
        try {
            SpectrogramType spectrogram = type == null ? base.type()
                    : SpectrogramType.valueOf(type.toUpperCase(Locale.ROOT));
            boolean sameType = spectrogram == base.type();
            List<Integer> ffts = fftSizes != null ? fftSizes : sameType ? base.fftSizes()
                    : spectrogram == SpectrogramType.MULTI_STFT ? List.of(512, 1024, 2048) : List.of(1024);
            FrequencyScale scale = sameType ? base.stftScale()
                    : spectrogram == SpectrogramType.STFT ? FrequencyScale.LOG : FrequencyScale.LINEAR;
            double windowHop = windowHopSeconds == null ? base.windowHopSeconds() : windowHopSeconds;
            return new FeatureSpec(spectrogram, base.sampleRate(), base.windowSeconds(), windowHop, ffts,
                    hopLength == null ? base.hopLength() : hopLength, bands == null ? base.bands() : bands,
                    base.fMin(), fMax == null ? base.fMax() : fMax, scale, base.dbReference(), base.topDb(),
                    base.normMean(), base.normStd());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(commandLine, "spectrogram options: " + e.getMessage());
        }
    }
}
