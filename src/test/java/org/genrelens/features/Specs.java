package org.genrelens.features;

import java.util.List;

/** FeatureSpecs the tests share: the default windows and levels with another type or reference. */
final class Specs {

    private Specs() {
    }

    static FeatureSpec mel(DbReference reference) {
        return with(SpectrogramType.MEL, List.of(1024), 128, FrequencyScale.LINEAR, reference);
    }

    /** 64 bands keep every mel filter wider than a bin of the 512-point FFT. */
    static FeatureSpec multiStft(DbReference reference) {
        return with(SpectrogramType.MULTI_STFT, List.of(512, 1024, 2048), 64, FrequencyScale.LINEAR, reference);
    }

    static FeatureSpec stft(FrequencyScale scale, DbReference reference) {
        return with(SpectrogramType.STFT, List.of(1024), 128, scale, reference);
    }

    static FeatureSpec with(SpectrogramType type, List<Integer> fftSizes, int bands, FrequencyScale scale,
            DbReference reference) {
        FeatureSpec d = FeatureSpec.defaultMel();
        return new FeatureSpec(type, d.sampleRate(), d.windowSeconds(), d.windowHopSeconds(), fftSizes,
                d.hopLength(), bands, d.fMin(), d.fMax(), scale, reference, d.topDb(), d.normMean(), d.normStd());
    }

    static List<FeatureSpec> allTypes(DbReference reference) {
        return List.of(mel(reference), multiStft(reference), stft(FrequencyScale.LINEAR, reference),
                stft(FrequencyScale.LOG, reference));
    }
}
