package org.genrelens.training.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfusionHeatmapTest {

    @Test
    void writesAReadablePngSizedByTheLabelsAndColouredByRowShare(@TempDir Path dir) throws IOException {
        List<String> labels = List.of("blues", "classical", "a-genre-with-a-very-long-name");
        // blues all right, classical split 1:3, the long one all predicted as blues
        ClassificationMetrics metrics = new ClassificationMetrics(labels,
                new int[][] {{5, 0, 0}, {1, 3, 0}, {2, 0, 0}});
        Path png = dir.resolve("confusion.png");

        ConfusionHeatmap.writePng(metrics, "test model on hand-made", png);

        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "a PNG that ImageIO reads");
        assertEquals(ConfusionHeatmap.width(3), image.getWidth());
        assertEquals(ConfusionHeatmap.height(3), image.getHeight());
        assertEquals(ConfusionHeatmap.colourOf(1.0), cornerOf(image, 0, 0), "5 of 5: darkest");
        assertEquals(ConfusionHeatmap.colourOf(0.75), cornerOf(image, 1, 1));
        assertEquals(ConfusionHeatmap.colourOf(0.0), cornerOf(image, 0, 2), "none: lightest");
        assertEquals(ConfusionHeatmap.colourOf(1.0), cornerOf(image, 2, 0), "a mistake the whole row makes");
        assertTrue(brightness(ConfusionHeatmap.colourOf(1.0)) < brightness(ConfusionHeatmap.colourOf(0.25)));
    }

    @Test
    void aGenreWithoutClipsDrawsAnEmptyRow(@TempDir Path dir) throws IOException {
        ClassificationMetrics metrics = new ClassificationMetrics(List.of("a", "b"), new int[][] {{0, 0}, {1, 1}});
        Path png = dir.resolve("empty-row.png");

        ConfusionHeatmap.writePng(metrics, "t", png);

        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(ConfusionHeatmap.colourOf(0.0), cornerOf(image, 0, 0));
        assertEquals(ConfusionHeatmap.colourOf(0.5), cornerOf(image, 1, 0));
    }

    /** A pixel near the top-left of a cell, clear of the centred count and of the border. */
    private static Color cornerOf(BufferedImage image, int row, int col) {
        int x = ConfusionHeatmap.LABEL_MARGIN + col * ConfusionHeatmap.CELL + 3;
        int y = ConfusionHeatmap.TITLE_HEIGHT + row * ConfusionHeatmap.CELL + 3;
        return new Color(image.getRGB(x, y));
    }

    private static double brightness(Color c) {
        return c.getRed() + c.getGreen() + c.getBlue();
    }
}
