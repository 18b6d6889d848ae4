package org.genrelens.ui.detail;

import java.awt.image.BufferedImage;
import org.genrelens.features.Spectrogram;
import org.genrelens.features.SpectrogramImage;

/** A spectrogram rendered to ARGB pixels off the FX thread (low frequencies at the bottom). */
public record SpectrogramPixels(int width, int height, int[] argb, double secondsPerPixel) {

    public static SpectrogramPixels render(Spectrogram spectrogram, int channel) {
        BufferedImage image = SpectrogramImage.render(spectrogram, channel);
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        return new SpectrogramPixels(width, height, pixels, spectrogram.durationSeconds() / width);
    }
}
