package org.genrelens.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.genrelens.testing.TestAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpectrogramImageTest {

    private static final int SR = 22_050;

    @Test
    void pngIsOnePixelPerCellWithTheSineRowBrightestAtItsHeightFromTheBottom(@TempDir Path dir) throws IOException {
        float[] sine = TestAudio.sine(1000, 3.0, SR, 0.5);
        float[] noise = TestAudio.noise(3.0, SR, 0.01, 3);
        for (int i = 0; i < sine.length; i++) {
            sine[i] += noise[i];
        }
        Spectrogram s = new TileExtractor(FeatureSpec.defaultMel()).spectrogram(sine);
        Path png = dir.resolve("sine.png");

        SpectrogramImage.writePng(s, 0, png);

        assertTrue(Files.size(png) > 0);
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "the PNG reads back");
        assertEquals(s.frames(), image.getWidth());
        assertEquals(s.height(), image.getHeight());
        int brightestY = -1;
        double brightest = -1;
        for (int y = 0; y < image.getHeight(); y++) {
            double sum = 0;
            for (int x = 10; x < image.getWidth() - 10; x++) {
                sum += luminance(image.getRGB(x, y));
            }
            if (sum > brightest) {
                brightest = sum;
                brightestY = y;
            }
        }
        int rowFromBottom = image.getHeight() - 1 - brightestY;
        assertEquals(ExpectedBands.nearestMelBand(1000, 128, 0, 10_000), rowFromBottom);
    }

    @Test
    void brightnessRisesWithLevel() {
        // one row per level, quietest at the bottom
        float[] db = new float[64];
        for (int row = 0; row < 64; row++) {
            db[row] = -80f + row;
        }
        BufferedImage image = SpectrogramImage.render(new Spectrogram(db, 1, 64, 1, 0.02), 0);
        for (int row = 1; row < 64; row++) {
            double lower = luminance(image.getRGB(0, 63 - (row - 1)));
            double upper = luminance(image.getRGB(0, 63 - row));
            assertTrue(upper > lower, "row " + row + " is brighter than the one below it");
        }
    }

    @Test
    void eachChannelOfAMultiStftSpectrogramRenders() {
        FeatureSpec spec = Specs.multiStft(DbReference.TILE_MAX);
        Spectrogram s = new TileExtractor(spec).spectrogram(TestAudio.sine(440, 1.0, SR, 0.5));
        for (int c = 0; c < 3; c++) {
            BufferedImage image = SpectrogramImage.render(s, c);
            assertEquals(s.frames(), image.getWidth());
            assertEquals(64, image.getHeight());
        }
        assertThrows(IndexOutOfBoundsException.class, () -> SpectrogramImage.render(s, 3));
    }

    private static double luminance(int rgb) {
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    }
}
