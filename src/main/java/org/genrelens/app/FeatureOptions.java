package org.genrelens.app;

import java.util.List;
import java.util.Locale;
import org.genrelens.features.FeatureSpec;
import org.genrelens.features.FrequencyScale;
import org.genrelens.features.SpectrogramType;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The spectrogram a new model is trained on; unset options keep {@link FeatureSpec#defaultMel()}'s values. */
final class FeatureOptions {

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
        FeatureSpec base = FeatureSpec.defaultMel();
        try {
            SpectrogramType spectrogram = type == null ? base.type()
                    : SpectrogramType.valueOf(type.toUpperCase(Locale.ROOT));
            List<Integer> ffts = fftSizes != null ? fftSizes
                    : spectrogram == SpectrogramType.MULTI_STFT ? List.of(512, 1024, 2048) : base.fftSizes();
            FrequencyScale scale = spectrogram == SpectrogramType.STFT ? FrequencyScale.LOG : base.stftScale();
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
