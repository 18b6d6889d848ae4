package org.genrelens.training.evaluation;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.genrelens.inference.AtomicFiles;

/**
 * The confusion matrix as a PNG: rows are the true genres, columns the predicted ones, each cell shows its
 * count and is coloured by its share of the row (the recall on the diagonal), so a small genre's mistakes are
 * as visible as a large one's.
 */
public final class ConfusionHeatmap {

    static final int CELL = 44;
    static final int LABEL_MARGIN = 104;
    static final int TITLE_HEIGHT = 62;
    static final int PAD = 16;
    private static final Color EMPTY = new Color(247, 251, 255);
    private static final Color FULL = new Color(8, 48, 107);

    private ConfusionHeatmap() {
    }

    public static void writePng(ClassificationMetrics metrics, String title, Path target) throws IOException {
        BufferedImage image = render(metrics, title);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", png)) {
            throw new IOException("this Java runtime has no PNG writer; cannot write " + target);
        }
        AtomicFiles.write(target, png.toByteArray());
    }

    static int width(int labels) {
        return LABEL_MARGIN + labels * CELL + PAD;
    }

    static int height(int labels) {
        return TITLE_HEIGHT + labels * CELL + LABEL_MARGIN;
    }

    /** The cell colour for a row-normalised rate in [0, 1]. */
    static Color colourOf(double rate) {
        double t = Math.max(0, Math.min(1, rate));
        return new Color(mix(EMPTY.getRed(), FULL.getRed(), t), mix(EMPTY.getGreen(), FULL.getGreen(), t),
                mix(EMPTY.getBlue(), FULL.getBlue(), t));
    }

    static BufferedImage render(ClassificationMetrics metrics, String title) {
        List<String> labels = metrics.labels();
        int n = labels.size();
        int[][] confusion = metrics.confusion();
        BufferedImage image = new BufferedImage(width(n), height(n), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            List<String> titleLines = wrap(g.getFontMetrics(), title, image.getWidth() - 2 * PAD);
            for (int i = 0; i < titleLines.size(); i++) {
                g.drawString(titleLines.get(i), PAD, 18 + 16 * i);
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.drawString(fit(g.getFontMetrics(), "rows: true genre, columns: predicted, colour: share of the row",
                    image.getWidth() - 2 * PAD), PAD, 52);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            FontMetrics fm = g.getFontMetrics();
            int top = TITLE_HEIGHT;
            for (int row = 0; row < n; row++) {
                int support = 0;
                for (int v : confusion[row]) {
                    support += v;
                }
                for (int col = 0; col < n; col++) {
                    double rate = support == 0 ? 0 : (double) confusion[row][col] / support;
                    int x = LABEL_MARGIN + col * CELL;
                    int y = top + row * CELL;
                    g.setColor(colourOf(rate));
                    g.fillRect(x, y, CELL, CELL);
                    String count = Integer.toString(confusion[row][col]);
                    g.setColor(rate > 0.5 ? Color.WHITE : Color.BLACK);
                    g.drawString(count, x + (CELL - fm.stringWidth(count)) / 2, y + (CELL + fm.getAscent()) / 2 - 2);
                }
                String label = fit(fm, labels.get(row), LABEL_MARGIN - 12);
                g.setColor(Color.BLACK);
                g.drawString(label, LABEL_MARGIN - 6 - fm.stringWidth(label),
                        top + row * CELL + (CELL + fm.getAscent()) / 2 - 2);
            }
            g.setColor(Color.GRAY);
            g.setStroke(new BasicStroke(1f));
            g.drawRect(LABEL_MARGIN, top, n * CELL, n * CELL);
            drawColumnLabels(g, labels, top + n * CELL);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Predicted genres under their columns, turned a quarter so long names fit. */
    private static void drawColumnLabels(Graphics2D g, List<String> labels, int baseline) {
        FontMetrics fm = g.getFontMetrics();
        g.setColor(Color.BLACK);
        AffineTransform saved = g.getTransform();
        for (int col = 0; col < labels.size(); col++) {
            String label = fit(fm, labels.get(col), LABEL_MARGIN - 12);
            int x = LABEL_MARGIN + col * CELL + (CELL + fm.getAscent()) / 2 - 2;
            g.translate(x, baseline + 6);
            g.rotate(Math.PI / 2);
            g.drawString(label, 0, 0);
            g.setTransform(saved);
        }
    }

    /** The title in at most two lines, broken between words; what does not fit ends in an ellipsis. */
    private static List<String> wrap(FontMetrics fm, String text, int width) {
        if (fm.stringWidth(text) <= width) {
            return List.of(text);
        }
        int split = text.length();
        while (split > 0 && (fm.stringWidth(text.substring(0, split)) > width || text.charAt(split - 1) != ' ')) {
            split--;
        }
        if (split == 0) {
            return List.of(fit(fm, text, width));
        }
        return List.of(text.substring(0, split).strip(), fit(fm, text.substring(split).strip(), width));
    }

    /** The text, shortened with an ellipsis until it fits the width. */
    private static String fit(FontMetrics fm, String text, int width) {
        if (fm.stringWidth(text) <= width) {
            return text;
        }
        String shorter = text;
        while (!shorter.isEmpty() && fm.stringWidth(shorter + "…") > width) {
            shorter = shorter.substring(0, shorter.length() - 1);
        }
        return shorter + "…";
    }

    private static int mix(int from, int to, double t) {
        return (int) Math.round(from + (to - from) * t);
    }
}
