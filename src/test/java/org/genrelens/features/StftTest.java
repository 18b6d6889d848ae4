package org.genrelens.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.genrelens.testing.TestAudio;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class StftTest {

    @Test
    void windowIsPeriodicHann() {
        double[] w = new Stft(1024, 256).window();
        assertEquals(0.0, w[0], 1e-15);
        assertEquals(1.0, w[512], 1e-15);
        assertEquals(0.5, w[256], 1e-12);
        for (int j = 1; j < 1024; j++) {
            assertEquals(w[j], w[1024 - j], 1e-12, "periodic: w[j] == w[n - j]");
        }
    }

    @Test
    void trackOfNSamplesHasOnePlusNOverHopFramesForEveryFftSize() {
        assertEquals(1, new Stft(2048, 512).frameCount(1));
        assertEquals(1, new Stft(256, 512).frameCount(511));
        assertEquals(2, new Stft(1024, 512).frameCount(512));
        assertEquals(1293, new Stft(1024, 512).frameCount(661_794));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 40, 93})
    void energyOfTheFullSpectrumOverNEqualsTheWindowedFrameEnergy(int frame) {
        int n = 1024;
        int hop = 256;
        float[] pcm = TestAudio.noise(1.5, 16_000, 0.7, 11);
        Stft stft = new Stft(n, hop);
        double[] power = stft.power(pcm, frame);
        double spectrum = power[0] + power[n / 2];
        for (int k = 1; k < n / 2; k++) {
            spectrum += 2 * power[k]; // bins above Nyquist mirror these
        }
        spectrum /= stft.powerScale();

        double[] w = Stft.hann(n);
        double windowed = 0;
        for (int j = 0; j < n; j++) {
            int i = frame * hop - n / 2 + j;
            double x = i >= 0 && i < pcm.length ? pcm[i] * w[j] : 0;
            windowed += x * x;
        }
        assertEquals(windowed, spectrum / n, windowed * 1e-10);
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 256, 512, 1024, 2048, 4096})
    void fullScaleSinePeaksAtZeroDecibelsWhateverTheFftSize(int n) {
        // 1 kHz at 16 kHz falls on bin n/16 exactly, so there is no scalloping loss
        float[] pcm = TestAudio.sine(1000, 1.0, 16_000, 1.0);
        double[] power = new Stft(n, 128).power(pcm, 60);
        int peak = argmax(power);
        assertEquals(n / 16, peak);
        assertEquals(1.0, power[peak], 0.01);
        assertEquals(0.0, BandSpectrogram.toDb(power[peak]), 0.5);
    }

    @Test
    void oneKilohertzPeaksInTheNearestBinAtCdRate() {
        float[] pcm = TestAudio.sine(1000, 1.0, 22_050, 0.5);
        // 1000 * 1024 / 22050 = 46.44
        assertEquals(46, argmax(new Stft(1024, 512).power(pcm, 20)));
        assertEquals(186, argmax(new Stft(4096, 512).power(pcm, 20))); // 185.76
    }

    @Test
    void framesBeyondTheEndsSeeZerosNotWrappedAudio() {
        float[] pcm = TestAudio.sine(1000, 0.096, 16_000, 1.0); // 1536 samples: 6 hops
        Stft stft = new Stft(1024, 256);
        int last = stft.frameCount(pcm.length) - 1;
        assertEquals(6, last);
        double[] end = stft.power(pcm, last);
        double[] middle = stft.power(pcm, 3);
        // the last frame is centred on the last sample: half the window sees signal, half the amplitude
        assertEquals(0.25, end[64] / middle[64], 0.02);
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
