package org.genrelens.training.sampling;

import org.genrelens.features.FeatureSpec;
import org.genrelens.features.FrequencyScale;
import org.genrelens.features.LogFilterbank;
import org.genrelens.features.MelFilterbank;
import org.genrelens.features.SpectrogramType;

/** The centre frequency of every tile row, lowest row first, for frequency-domain augmentation such as low-pass. */
final class BandCentres {

    private BandCentres() {
    }

    static double[] hz(FeatureSpec spec) {
        int fftSize = spec.fftSizes().get(0);
        double[] centres = new double[spec.height()];
        if (spec.type() == SpectrogramType.STFT && spec.stftScale() == FrequencyScale.LINEAR) {
            int first = (int) Math.ceil(spec.fMin() * fftSize / spec.sampleRate());
            for (int b = 0; b < centres.length; b++) {
                centres[b] = (double) (first + b) * spec.sampleRate() / fftSize;
            }
            return centres;
        }
        // MULTI_STFT channels share one mel band layout, whatever their FFT size
        double[] edges = spec.type() == SpectrogramType.STFT
                ? LogFilterbank.bandEdgesHz(spec.bands(),
                        LogFilterbank.lowerEdgeHz(spec.sampleRate(), fftSize, spec.fMin()), spec.fMax())
                : MelFilterbank.bandEdgesHz(spec.bands(), spec.fMin(), spec.fMax());
        System.arraycopy(edges, 1, centres, 0, centres.length);
        return centres;
    }
}
