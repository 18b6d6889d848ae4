package org.genrelens.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.genrelens.testing.TestAudio;
import org.junit.jupiter.api.Test;

class TrackSpectrumTest {

    private static final int SR = 22_050;

    /** Tones over noise, so every band and frame differs and a misplaced cell shows. */
    private static float[] music(double seconds) {
        float[] chord = TestAudio.chord(new double[] {220, 330, 1250, 4100}, seconds, SR, 0.6);
        float[] noise = TestAudio.noise(seconds, SR, 0.05, 7);
        for (int i = 0; i < chord.length; i++) {
            chord[i] += noise[i] * (float) (0.5 + 0.5 * Math.sin(i * 2e-4));
        }
        return chord;
    }

    @Test
    void extractEqualsSpectrumCutIntoGridTilesForEveryTypeAndReference() {
        float[] pcm = music(12.3);
        for (DbReference reference : DbReference.values()) {
            for (FeatureSpec spec : Specs.allTypes(reference)) {
                TileExtractor extractor = new TileExtractor(spec);
                Tiles expected = extractor.extract(pcm);
                TrackSpectrum spectrum = extractor.spectrum(pcm);

                int size = expected.tileSize();
                float[] cut = new float[expected.count() * size];
                for (int i = 0; i < expected.count(); i++) {
                    extractor.tile(spectrum, spec.windowStartFrame(i), cut, i * size);
                }
                assertArrayEquals(expected.data(), cut, spec.type() + " " + spec.stftScale() + " " + reference);
                Tiles viaTiles = extractor.tiles(spectrum);
                assertArrayEquals(expected.data(), viaTiles.data());
                assertArrayEquals(expected.startSeconds(), viaTiles.startSeconds());
                assertEquals(expected.padded(), viaTiles.padded());
            }
        }
    }

    @Test
    void spectrumIsPowerInDecibelsBeforeAnyReferenceOrNormalisation() {
        FeatureSpec spec = Specs.mel(DbReference.TILE_MAX);
        float[] pcm = TestAudio.sine(1000, 6.0, SR, 0.5);
        TrackSpectrum spectrum = new TileExtractor(spec).spectrum(pcm);

        assertEquals(1, spectrum.channels());
        assertEquals(128, spectrum.height());
        assertEquals(new Stft(1024, 512).frameCount(pcm.length), spectrum.frames());
        float max = Float.NEGATIVE_INFINITY;
        float min = Float.POSITIVE_INFINITY;
        for (float v : spectrum.db()) {
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        // the 1 kHz band holds a share of the sine's power 0.125 spread by the slaney weights: well below 0 dB, not
        // referenced to 0, and far bands go down to the -100 dB power floor, not clipped at -topDb
        assertTrue(max < -5 && max > -60, "max " + max);
        assertTrue(min < -spec.topDb(), "min " + min);
    }

    @Test
    void aTileMayStartAtAnyFrameAndEqualsTheGridTileWhereTheyCoincide() {
        FeatureSpec spec = Specs.mel(DbReference.TILE_MAX);
        TileExtractor extractor = new TileExtractor(spec);
        TrackSpectrum spectrum = extractor.spectrum(music(9.0));
        Tiles grid = extractor.tiles(spectrum);
        float[] offGrid = new float[grid.tileSize()];
        float[] onGrid = new float[grid.tileSize() + 5];

        extractor.tile(spectrum, 37, offGrid, 0);
        extractor.tile(spectrum, spec.windowStartFrame(1), onGrid, 5);

        assertFalse(java.util.Arrays.equals(grid.tile(0), offGrid));
        assertArrayEquals(grid.tile(1), java.util.Arrays.copyOfRange(onGrid, 5, onGrid.length));
        int last = spectrum.frames() - spec.framesPerWindow();
        extractor.tile(spectrum, last, offGrid, 0);
        assertThrows(IndexOutOfBoundsException.class, () -> extractor.tile(spectrum, last + 1, offGrid, 0));
    }

    @Test
    void aShortTrackIsPaddedToOneWindowInTheSpectrum() {
        FeatureSpec spec = Specs.mel(DbReference.TILE_MAX);
        TileExtractor extractor = new TileExtractor(spec);
        float[] pcm = TestAudio.sine(440, 1.0, SR, 0.5);

        TrackSpectrum spectrum = extractor.spectrum(pcm);

        assertTrue(spectrum.padded());
        assertEquals(1, spec.windowCount(spectrum.frames()));
        assertArrayEquals(extractor.extract(pcm).data(), extractor.tiles(spectrum).data());
        assertTrue(extractor.tiles(spectrum).padded());
    }

    @Test
    void aSpectrumOfAnotherSpecIsRefusedWithAHint() {
        TrackSpectrum mel = new TileExtractor(Specs.mel(DbReference.TILE_MAX)).spectrum(music(6.0));
        TileExtractor multi = new TileExtractor(Specs.multiStft(DbReference.TILE_MAX));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> multi.tiles(mel));
        assertTrue(e.getMessage().contains("another FeatureSpec"), e.getMessage());
    }

    @Test
    void theRecordRefusesAnArrayOfTheWrongSizeAndLocatesRows() {
        assertThrows(IllegalArgumentException.class, () -> new TrackSpectrum(new float[10], 1, 3, 4, false));
        assertThrows(IllegalArgumentException.class, () -> new TrackSpectrum(new float[0], 1, 0, 4, false));
        assertEquals(16, new TrackSpectrum(new float[24], 2, 3, 4, false).rowStart(1, 1), "channel 1, row 1 of 3 x 4");
    }
}
