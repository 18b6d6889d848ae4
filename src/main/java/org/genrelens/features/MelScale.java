package org.genrelens.features;

/**
 * The Slaney mel scale (as in librosa with {@code htk=False}): linear below 1 kHz at 200/3 Hz per mel,
 * logarithmic above, so that 1 kHz is 15 mel and every factor 6.4 in frequency adds 27 mel.
 */
public final class MelScale {

    private static final double HZ_PER_MEL = 200.0 / 3.0;
    private static final double LOG_START_HZ = 1000.0;
    private static final double LOG_START_MEL = LOG_START_HZ / HZ_PER_MEL;
    private static final double LOG_STEP = Math.log(6.4) / 27.0;

    private MelScale() {
    }

    public static double hzToMel(double hz) {
        if (hz < LOG_START_HZ) {
            return hz / HZ_PER_MEL;
        }
        return LOG_START_MEL + Math.log(hz / LOG_START_HZ) / LOG_STEP;
    }

    public static double melToHz(double mel) {
        if (mel < LOG_START_MEL) {
            return mel * HZ_PER_MEL;
        }
        return LOG_START_HZ * Math.exp(LOG_STEP * (mel - LOG_START_MEL));
    }
}
