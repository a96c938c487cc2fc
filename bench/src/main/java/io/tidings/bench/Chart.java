package io.tidings.bench;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A small line chart of some columns of a report's rows against another column, drawn with Java2D. */
record Chart(String title, String xColumn, List<String> yColumns, String yLabel) {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 450;
    private static final int MARGIN = 70;
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd)};

    void write(List<Map<String, Object>> rows, Path file) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        double maxX = max(rows, List.of(xColumn));
        double maxY = max(rows, yColumns);
        axes(g, maxX, maxY);
        for (int s = 0; s < yColumns.size(); s++) {
            g.setColor(COLOURS[s % COLOURS.length]);
            g.setStroke(new BasicStroke(2f));
            series(g, rows, yColumns.get(s), maxX, maxY);
            g.drawString(yColumns.get(s), WIDTH - MARGIN - 150, MARGIN + 15 + 15 * s);
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private void axes(Graphics2D g, double maxX, double maxY) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, MARGIN, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawLine(MARGIN, HEIGHT - MARGIN, WIDTH - MARGIN, HEIGHT - MARGIN);
        g.drawLine(MARGIN, MARGIN, MARGIN, HEIGHT - MARGIN);
        for (int i = 0; i <= 4; i++) {
            int y = HEIGHT - MARGIN - i * (HEIGHT - 2 * MARGIN) / 4;
            int x = MARGIN + i * (WIDTH - 2 * MARGIN) / 4;
            g.drawString(label(maxY * i / 4), 5, y + 4);
            g.drawString(label(maxX * i / 4), x - 10, HEIGHT - MARGIN + 18);
        }
        g.drawString(xColumn, WIDTH / 2 - 40, HEIGHT - 20);
        g.drawString(yLabel, 5, MARGIN - 15);
    }

    private void series(Graphics2D g, List<Map<String, Object>> rows, String column, double maxX, double maxY) {
        int[] last = null;
        for (Map<String, Object> row : rows) {
            if (!(row.get(xColumn) instanceof Number x) || !(row.get(column) instanceof Number y)) {
                continue;
            }
            int px = MARGIN + (int) (x.doubleValue() / maxX * (WIDTH - 2 * MARGIN));
            int py = HEIGHT - MARGIN - (int) (y.doubleValue() / maxY * (HEIGHT - 2 * MARGIN));
            g.fillOval(px - 3, py - 3, 6, 6);
            if (last != null) {
                g.drawLine(last[0], last[1], px, py);
            }
            last = new int[] {px, py};
        }
    }

    private static double max(List<Map<String, Object>> rows, List<String> columns) {
        double max = 0;
        for (Map<String, Object> row : rows) {
            for (String column : columns) {
                if (row.get(column) instanceof Number n) {
                    max = Math.max(max, n.doubleValue());
                }
            }
        }
        return max <= 0 ? 1 : max * 1.1;
    }

    private static String label(double value) {
        return value >= 100 ? Long.toString(Math.round(value)) : String.format("%.1f", value);
    }
}
