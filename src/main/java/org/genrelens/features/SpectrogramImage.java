package org.genrelens.features;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * Draws one channel of a {@link Spectrogram} as an image, one pixel per cell: time to the right, low
 * frequencies at the bottom, colours from the viridis map (perceptually uniform, brightness rising with
 * level, readable in grey and by colour-blind viewers). The channel's quietest cell is darkest, its loudest
 * brightest.
 */
public final class SpectrogramImage {

    /** Viridis at eleven even steps from 0 to 1; values in between are interpolated linearly. */
    private static final int[] VIRIDIS = {
        0x440154, 0x482475, 0x414487, 0x355F8D, 0x2A788E, 0x21918C, 0x22A884, 0x44BF70, 0x7AD151, 0xBDDF26, 0xFDE725
    };
    private static final int[] PALETTE = palette(256);

    private SpectrogramImage() {
    }

    public static BufferedImage render(Spectrogram s, int channel) {
        Objects.requireNonNull(s, "spectrogram");
        Objects.checkIndex(channel, s.channels());
        int width = s.frames();
        int height = s.height();
        int offset = channel * height * width;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = offset; i < offset + height * width; i++) {
            min = Math.min(min, s.db()[i]);
            max = Math.max(max, s.db()[i]);
        }
        double range = max > min ? max - min : 1.0;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] line = new int[width];
        for (int row = 0; row < height; row++) {
            int source = offset + row * width;
            for (int t = 0; t < width; t++) {
                int index = (int) Math.round((s.db()[source + t] - min) / range * (PALETTE.length - 1));
                line[t] = PALETTE[index];
            }
            image.setRGB(0, height - 1 - row, width, 1, line, 0, width);
        }
        return image;
    }

    /** Renders one channel and writes it as a PNG, replacing the target. */
    public static void writePng(Spectrogram s, int channel, Path target) throws IOException {
        Objects.requireNonNull(target, "target");
        BufferedImage image = render(s, channel);
        if (!ImageIO.write(image, "png", target.toFile())) {
            throw new IOException("no PNG writer is available in this Java runtime; cannot write " + target);
        }
    }

    private static int[] palette(int size) {
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            double position = (double) i / (size - 1) * (VIRIDIS.length - 1);
            int low = Math.min((int) position, VIRIDIS.length - 2);
            double fraction = position - low;
            out[i] = mix(VIRIDIS[low], VIRIDIS[low + 1], fraction);
        }
        return out;
    }

    private static int mix(int a, int b, double fraction) {
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int ca = (a >> shift) & 0xFF;
            int cb = (b >> shift) & 0xFF;
            rgb |= ((int) Math.round(ca + (cb - ca) * fraction)) << shift;
        }
        return rgb;
    }
}
