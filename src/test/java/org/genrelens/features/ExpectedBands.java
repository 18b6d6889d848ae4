package org.genrelens.features;

/**
 * Test-side expectations written from the published formulas, independent of the main code: which band of
 * a spec should hold a given frequency.
 */
final class ExpectedBands {

    private ExpectedBands() {
    }

    /** Slaney mel, written out: 3/200 mel per Hz up to 1 kHz (15 mel), then 27 mel per factor 6.4. */
    static double slaneyMel(double hz) {
        return hz < 1000 ? hz * 3.0 / 200.0 : 15.0 + 27.0 * Math.log(hz / 1000.0) / Math.log(6.4);
    }

    /** Index of the mel band whose centre is nearest the frequency on the mel axis. */
    static int nearestMelBand(double hz, int bands, double fMin, double fMax) {
        double low = slaneyMel(fMin);
        double step = (slaneyMel(fMax) - low) / (bands + 1);
        // band b peaks at edge b + 1, i.e. at low + (b + 1) * step
        return clamp((int) Math.round((slaneyMel(hz) - low) / step) - 1, bands);
    }

    /** Index of the log band whose centre is nearest the frequency on a log axis. */
    static int nearestLogBand(double hz, int bands, double lowerEdge, double fMax) {
        double step = Math.log(fMax / lowerEdge) / (bands + 1);
        return clamp((int) Math.round(Math.log(hz / lowerEdge) / step) - 1, bands);
    }

    private static int clamp(int band, int bands) {
        return Math.max(0, Math.min(bands - 1, band));
    }

    /** Row (0 = lowest) with the largest mean over the given frames of one channel. */
    static int loudestRow(Spectrogram s, int channel, int fromFrame, int toFrame) {
        int best = -1;
        double bestMean = Double.NEGATIVE_INFINITY;
        for (int row = 0; row < s.height(); row++) {
            double sum = 0;
            for (int t = fromFrame; t < toFrame; t++) {
                sum += s.value(channel, row, t);
            }
            if (sum / (toFrame - fromFrame) > bestMean) {
                bestMean = sum / (toFrame - fromFrame);
                best = row;
            }
        }
        return best;
    }
}
