package org.genrelens.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.genrelens.testing.TestAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TileExtractorTest {

    private static final int SR = 22_050;
    /** Seconds of one window hop: 108 frames of 512 samples at 22.05 kHz. */
    private static final double HOP_SECONDS = 108 * 512 / 22_050.0;

    // --- the channel a person sees ----------------------------------------------------------------------

    @Test
    void theChannelShownIsTheLongestWindowsWhereNoBandIsEmpty() {
        FeatureSpec bundledLike = new FeatureSpec(SpectrogramType.MULTI_STFT, SR, 5.0, 2.5, List.of(256, 1024, 4096),
                512, 128, 0, 10_000, FrequencyScale.LINEAR, DbReference.TILE_MAX, 80, -40, 20);
        Spectrogram s = new TileExtractor(bundledLike).spectrogram(TestAudio.noise(3.0, SR, 0.3, 7));

        assertEquals(2, bundledLike.finestChannel());
        assertEquals(0, emptyRows(s, bundledLike.finestChannel()), "white noise reaches every band of the 4096 window");
        assertTrue(emptyRows(s, 0) > 0, "the 256 window's bins are wider than the low bands: the reason not to show it");
        assertEquals(0, Specs.mel(DbReference.ABSOLUTE).finestChannel());
    }

    /** Rows whose every frame holds the same value: a band no FFT bin falls into. */
    private static int emptyRows(Spectrogram s, int channel) {
        int empty = 0;
        for (int row = 0; row < s.height(); row++) {
            int start = (channel * s.height() + row) * s.frames();
            boolean constant = true;
            for (int f = 1; f < s.frames() && constant; f++) {
                constant = s.db()[start + f] == s.db()[start];
            }
            empty += constant ? 1 : 0;
        }
        return empty;
    }

    // --- sines land in the right band -------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(doubles = {440, 1000, 3000})
    void melSpectrogramPeaksInTheBandCentredNearestTheSine(double hz) {
        FeatureSpec spec = Specs.mel(DbReference.ABSOLUTE);
        Spectrogram s = new TileExtractor(spec).spectrogram(TestAudio.sine(hz, 2.0, SR, 0.5));
        assertEquals(ExpectedBands.nearestMelBand(hz, 128, 0, 10_000), ExpectedBands.loudestRow(s, 0, 10, 70));
    }

    @Test
    void oneKilohertzIsMelFifteenAndPeaksThere() {
        // 128 bands over 0..48.78 mel: edges every 0.3781 mel, so 15 mel is nearest edge 40 = band 39
        assertEquals(39, ExpectedBands.nearestMelBand(1000, 128, 0, 10_000));
        Spectrogram s = new TileExtractor(Specs.mel(DbReference.TILE_MAX)).spectrogram(TestAudio.sine(1000, 2.0, SR, 0.5));
        assertEquals(39, ExpectedBands.loudestRow(s, 0, 10, 70));
    }

    @ParameterizedTest
    @ValueSource(doubles = {440, 1000, 3000})
    void everyMultiStftChannelPeaksInTheSameMelBand(double hz) {
        FeatureSpec spec = Specs.multiStft(DbReference.ABSOLUTE);
        Spectrogram s = new TileExtractor(spec).spectrogram(TestAudio.sine(hz, 2.0, SR, 0.5));
        assertEquals(3, s.channels());
        int expected = ExpectedBands.nearestMelBand(hz, 64, 0, 10_000);
        for (int c = 0; c < 3; c++) {
            assertEquals(expected, ExpectedBands.loudestRow(s, c, 10, 70), "channel " + c);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {440, 1000, 3000})
    void linearStftPeaksInTheNearestFftBin(double hz) {
        FeatureSpec spec = Specs.stft(FrequencyScale.LINEAR, DbReference.ABSOLUTE);
        Spectrogram s = new TileExtractor(spec).spectrogram(TestAudio.sine(hz, 2.0, SR, 1.0));
        assertEquals(spec.height(), s.height());
        assertEquals(465, s.height()); // bins 0..floor(10000 * 1024 / 22050) = 464
        int bin = (int) Math.round(hz * 1024 / SR);
        assertEquals(bin, ExpectedBands.loudestRow(s, 0, 10, 70));
    }

    @Test
    void linearStftStartsAtTheFirstBinAtOrAboveFMin() {
        FeatureSpec d = FeatureSpec.defaultMel();
        FeatureSpec spec = new FeatureSpec(SpectrogramType.STFT, SR, 5, 2.5, List.of(1024), 512, 1, 100, 5000,
                FrequencyScale.LINEAR, DbReference.ABSOLUTE, 80, d.normMean(), d.normStd());
        Spectrogram s = new TileExtractor(spec).spectrogram(TestAudio.sine(1000, 2.0, SR, 1.0));
        // first bin ceil(100 * 1024 / 22050) = 5; 1 kHz is bin 46
        assertEquals(spec.height(), s.height());
        assertEquals(46 - 5, ExpectedBands.loudestRow(s, 0, 10, 70));
    }

    @ParameterizedTest
    @ValueSource(doubles = {440, 1000, 3000})
    void logStftPeaksInTheBandCentredNearestTheSineOnALogAxis(double hz) {
        FeatureSpec spec = Specs.stft(FrequencyScale.LOG, DbReference.ABSOLUTE);
        Spectrogram s = new TileExtractor(spec).spectrogram(TestAudio.sine(hz, 2.0, SR, 0.5));
        double lowerEdge = SR / 1024.0; // fMin 0: max(20 Hz, one bin of 21.5 Hz)
        assertEquals(ExpectedBands.nearestLogBand(hz, 128, lowerEdge, 10_000), ExpectedBands.loudestRow(s, 0, 10, 70));
    }

    // --- tiles ------------------------------------------------------------------------------------------

    @Test
    void shorterThanOneWindowGivesOnePaddedTile() {
        TileExtractor extractor = new TileExtractor(FeatureSpec.defaultMel());
        float[] pcm = music(4.9, 1.0);
        Tiles tiles = extractor.extract(pcm);
        assertEquals(1, tiles.count());
        assertTrue(tiles.padded());
        assertArrayEquals(new double[] {0.0}, tiles.startSeconds());
        // the same as padding by hand
        Tiles byHand = extractor.extract(java.util.Arrays.copyOf(pcm, 110_250));
        assertFalse(byHand.padded());
        assertArrayEquals(byHand.data(), tiles.data());
    }

    @Test
    void fiveSecondsGiveExactlyOneTile() {
        Tiles tiles = new TileExtractor(FeatureSpec.defaultMel()).extract(music(5.0, 1.0));
        assertEquals(1, tiles.count());
        assertFalse(tiles.padded());
        assertArrayEquals(new double[] {0.0}, tiles.startSeconds());
    }

    @Test
    void sevenAndAHalfSecondsGiveTwoTilesOneHopApart() {
        // 165375 samples: 324 frames; tiles at frames 0 and 108 (108 + 215 = 323 <= 324)
        Tiles tiles = new TileExtractor(FeatureSpec.defaultMel()).extract(music(7.5, 1.0));
        assertEquals(2, tiles.count());
        assertArrayEquals(new double[] {0.0, HOP_SECONDS}, tiles.startSeconds(), 1e-12);
        assertEquals(2.5078, tiles.startSeconds()[1], 1e-4);
    }

    @Test
    void thirtySecondsGiveElevenTilesEveryTwoAndAHalfSeconds() {
        // 661500 samples: 1292 frames; the 11th tile starts at round(10 * 107.67) = 1077 and ends at frame 1291
        Tiles tiles = new TileExtractor(FeatureSpec.defaultMel()).extract(music(30.0, 1.0));
        assertEquals(11, tiles.count());
        for (int i = 0; i < 11; i++) {
            // each start is the nearest frame to i * 2.5 s, so no start drifts by more than half a frame
            assertEquals(i * 2.5, tiles.startSeconds()[i], 0.5 * 512 / 22_050.0 + 1e-9);
        }
    }

    @Test
    void tileShapeEqualsTheSpecsInputShapeForEveryType() {
        for (FeatureSpec spec : Specs.allTypes(DbReference.TILE_MAX)) {
            Tiles tiles = new TileExtractor(spec).extract(music(8.0, 1.0));
            long[] shape = spec.inputShape();
            assertArrayEquals(shape, new long[] {-1, tiles.channels(), tiles.height(), tiles.width()}, spec.type()
                    + " " + spec.stftScale());
            assertEquals(2, tiles.count());
        }
    }

    @Test
    void tileMaxTilesDoNotDependOnGainAboveThePowerFloor() {
        float[] loudPcm = music(12.0, 1.0);
        float[] quietPcm = music(12.0, Math.pow(10, -12 / 20.0));
        for (FeatureSpec spec : Specs.allTypes(DbReference.TILE_MAX)) {
            TileExtractor extractor = new TileExtractor(spec);
            Tiles loud = extractor.extract(loudPcm);
            Tiles quiet = extractor.extract(quietPcm);
            assertEquals(loud.count(), quiet.count());
            // a cell whose power falls below the 1e-10 floor (-100 dB) when quieter cannot keep its level
            int frames = extractor.channels().get(0).stft().frameCount(quietPcm.length);
            float[] rawQuietDb = new float[spec.channels() * spec.height() * frames];
            for (int c = 0; c < spec.channels(); c++) {
                extractor.channels().get(c).decibels(quietPcm, rawQuietDb, c * spec.height() * frames);
            }
            int floored = 0;
            int compared = 0;
            for (int i = 0; i < loud.count(); i++) {
                int start = spec.windowStartFrame(i);
                float[] a = loud.tile(i);
                float[] b = quiet.tile(i);
                for (int c = 0; c < loud.channels(); c++) {
                    for (int r = 0; r < loud.height(); r++) {
                        for (int t = 0; t < loud.width(); t++) {
                            int cell = (c * loud.height() + r) * loud.width() + t;
                            if (rawQuietDb[(c * spec.height() + r) * frames + start + t] <= -99.999f) {
                                floored++;
                                continue;
                            }
                            assertEquals(a[cell], b[cell], 1e-4, spec.type() + " " + spec.stftScale() + " tile " + i
                                    + " channel " + c + " row " + r + " frame " + t);
                            compared++;
                        }
                    }
                }
            }
            assertTrue(floored * 1000 < compared, spec.type() + ": only a few cells reach the floor, " + floored);
        }
    }

    @Test
    void tileMaxTilesPeakAtZeroDecibelsAndStopAtMinusTopDb() {
        FeatureSpec spec = FeatureSpec.defaultMel(); // mean -40, std 20, topDb 80
        Tiles tiles = new TileExtractor(spec).extract(music(10.0, 0.3));
        for (int i = 0; i < tiles.count(); i++) {
            float[] tile = tiles.tile(i);
            float max = Float.NEGATIVE_INFINITY;
            float min = Float.POSITIVE_INFINITY;
            for (float v : tile) {
                max = Math.max(max, v);
                min = Math.min(min, v);
            }
            assertEquals((0 + 40) / 20.0, max, 1e-6);
            assertTrue(min >= (-80 + 40) / 20.0 - 1e-6, "clipped at -topDb: " + min);
        }
    }

    @Test
    void absoluteTilesKeepTheLoudness() {
        TileExtractor extractor = new TileExtractor(Specs.mel(DbReference.ABSOLUTE));
        Tiles loud = extractor.extract(music(6.0, 1.0));
        Tiles quiet = extractor.extract(music(6.0, Math.pow(10, -12 / 20.0)));
        // a cell well above the floor drops by 12 dB, 0.6 after dividing by std 20
        int cell = argmax(loud.data());
        assertEquals(loud.data()[cell] - 12 / 20.0, quiet.data()[cell], 1e-3);
    }

    @Test
    void tilesAreSlicesOfTheWholeTrackSpectrogram() {
        for (FeatureSpec spec : Specs.allTypes(DbReference.ABSOLUTE)) {
            TileExtractor extractor = new TileExtractor(spec);
            float[] pcm = music(13.0, 0.8);
            Tiles tiles = extractor.extract(pcm);
            Spectrogram s = extractor.spectrogram(pcm);
            assertEquals(4, tiles.count());
            for (int i = 0; i < tiles.count(); i++) {
                int start = (int) Math.round(tiles.startSeconds()[i] / s.secondsPerFrame());
                float[] tile = tiles.tile(i);
                for (int c = 0; c < tiles.channels(); c++) {
                    for (int r = 0; r < tiles.height(); r++) {
                        for (int t = 0; t < tiles.width(); t++) {
                            double expected = (s.value(c, r, start + t) - spec.normMean()) / spec.normStd();
                            assertEquals(expected, tile[(c * tiles.height() + r) * tiles.width() + t], 1e-5);
                        }
                    }
                }
            }
        }
    }

    @Test
    void tileMaxTilesMatchTheSpectrogramRereferencedToTheTileMaximum() {
        FeatureSpec spec = FeatureSpec.defaultMel();
        TileExtractor extractor = new TileExtractor(spec);
        float[] pcm = music(9.0, 0.5);
        Tiles tiles = extractor.extract(pcm);
        Spectrogram s = extractor.spectrogram(pcm);
        int start = 108; // second tile
        float[] tile = tiles.tile(1);
        float sliceMax = Float.NEGATIVE_INFINITY;
        for (int r = 0; r < s.height(); r++) {
            for (int t = 0; t < tiles.width(); t++) {
                sliceMax = Math.max(sliceMax, s.value(0, r, start + t));
            }
        }
        for (int r = 0; r < s.height(); r++) {
            for (int t = 0; t < tiles.width(); t++) {
                float v = s.value(0, r, start + t);
                if (v > -spec.topDb()) { // cells the track-wide floor did not clip
                    double expected = (Math.max(v - sliceMax, -spec.topDb()) - spec.normMean()) / spec.normStd();
                    assertEquals(expected, tile[r * tiles.width() + t], 1e-5);
                }
            }
        }
    }

    @Test
    void spectrogramDescribesTheWholeTrack() {
        Spectrogram s = new TileExtractor(Specs.mel(DbReference.ABSOLUTE)).spectrogram(music(3.0, 1.0));
        assertEquals(1 + 66_150 / 512, s.frames());
        assertEquals(128, s.height());
        assertEquals(512 / 22_050.0, s.secondsPerFrame(), 1e-15);
        for (float v : s.db()) {
            assertTrue(v >= -80f, "clipped at -topDb");
        }
        Spectrogram relative = new TileExtractor(FeatureSpec.defaultMel()).spectrogram(music(3.0, 1.0));
        float max = Float.NEGATIVE_INFINITY;
        for (float v : relative.db()) {
            max = Math.max(max, v);
        }
        assertEquals(0f, max, 0f, "TILE_MAX specs reference the track's loudest cell");
    }

    @Test
    void emptyPcmIsRefusedWithAClearMessage() {
        TileExtractor extractor = new TileExtractor(FeatureSpec.defaultMel());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> extractor.extract(new float[0]));
        assertTrue(e.getMessage().contains("no samples"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> extractor.spectrogram(new float[0]));
    }

    @Test
    void oneExtractorServesSeveralThreadsAtOnce() throws Exception {
        TileExtractor extractor = new TileExtractor(Specs.multiStft(DbReference.TILE_MAX));
        List<float[]> tracks = new ArrayList<>();
        List<Tiles> sequential = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tracks.add(TestAudio.noise(6.0, SR, 0.1 + 0.1 * i, i));
            sequential.add(extractor.extract(tracks.get(i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Tiles>> parallel = new ArrayList<>();
            for (float[] track : tracks) {
                parallel.add(pool.submit(() -> extractor.extract(track)));
            }
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                for (int i = 0; i < tracks.size(); i++) {
                    assertArrayEquals(sequential.get(i).data(), parallel.get(i).get().data());
                }
            });
        } finally {
            pool.shutdownNow();
        }
    }

    /** A deterministic music-like signal: a chord with a beat and quiet noise, scaled by gain. */
    static float[] music(double seconds, double gain) {
        float[] chord = TestAudio.chord(new double[] {110, 220, 277.2, 329.6, 880, 1760}, seconds, SR, 0.6);
        float[] noise = TestAudio.noise(seconds, SR, 0.05, 42);
        float[] out = new float[chord.length];
        for (int i = 0; i < out.length; i++) {
            double beat = 0.6 + 0.4 * Math.cos(2 * Math.PI * 2.0 * i / SR);
            out[i] = (float) (gain * (chord[i] * beat + noise[i]));
        }
        return out;
    }

    private static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
