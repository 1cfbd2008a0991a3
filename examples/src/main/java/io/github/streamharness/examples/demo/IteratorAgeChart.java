package io.github.streamharness.examples.demo;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A line chart of the iterator age (the maximum over the shards) against virtual time, one line per replay, as a
 * self-contained SVG document written by hand (no charting dependency).
 */
final class IteratorAgeChart {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 460;
    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final int TOP = 60;
    private static final int BOTTOM = 60;
    private static final String[] COLORS = {"#d62728", "#2ca02c"};

    private IteratorAgeChart() {
    }

    /** The SVG text for {@code results}, drawn over {@code duration} of virtual time. */
    static String svg(String title, Duration duration, Duration poisonAt, List<IncidentReplay.Result> results) {
        long maxAgeSeconds = results.stream().mapToLong(r -> r.worstIteratorAge().toSeconds()).max().orElse(0);
        long yStep = tickStep(Math.max(10, maxAgeSeconds));
        long yTicks = (Math.max(10, maxAgeSeconds) + yStep - 1) / yStep;
        long yMax = yStep * yTicks;
        long xMax = duration.toSeconds();
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "  <rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "  <text x=\"%d\" y=\"28\" font-size=\"16\" font-weight=\"bold\">%s</text>%n",
                LEFT, escape(title)));
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        for (int i = 0; i <= yTicks; i++) { // horizontal grid lines with iterator-age labels
            double y = TOP + plotH - plotH * i / (double) yTicks;
            svg.append(String.format(Locale.ROOT, "  <line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                    LEFT, y, LEFT + plotW, y));
            svg.append(String.format(Locale.ROOT, "  <text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    LEFT - 8, y + 4, tickLabel(yStep * i)));
        }
        for (int i = 0; i <= 6; i++) { // vertical ticks with virtual-time labels
            double x = LEFT + plotW * i / 6.0;
            svg.append(String.format(Locale.ROOT, "  <line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#999\"/>%n",
                    x, TOP + plotH, x, TOP + plotH + 5));
            svg.append(String.format(Locale.ROOT, "  <text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x, TOP + plotH + 20, Table.clock(Duration.ofSeconds(xMax * i / 6))));
        }
        svg.append(String.format(Locale.ROOT, "  <rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#333\"/>%n", LEFT, TOP, plotW, plotH));
        svg.append(String.format(Locale.ROOT, "  <text x=\"%d\" y=\"%d\" text-anchor=\"middle\">virtual time "
                + "(mm:ss)</text>%n", LEFT + plotW / 2, HEIGHT - 15));
        svg.append(String.format(Locale.ROOT, "  <text x=\"18\" y=\"%d\" text-anchor=\"middle\" "
                + "transform=\"rotate(-90 18 %d)\">iterator age (max over shards)</text>%n",
                TOP + plotH / 2, TOP + plotH / 2));
        double pillX = LEFT + plotW * (double) poisonAt.toSeconds() / xMax;
        svg.append(String.format(Locale.ROOT, "  <line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#555\" "
                + "stroke-dasharray=\"4 4\"/>%n", pillX, TOP, pillX, TOP + plotH));
        svg.append(String.format(Locale.ROOT, "  <text x=\"%.1f\" y=\"%d\" fill=\"#555\">poison pill written (%s)</text>%n",
                pillX + 6, TOP + 18 * results.size() + 30, Table.clock(poisonAt)));
        for (int r = 0; r < results.size(); r++) {
            IncidentReplay.Result result = results.get(r);
            String color = COLORS[r % COLORS.length];
            StringBuilder points = new StringBuilder();
            points.append(String.format(Locale.ROOT, "%d,%d", LEFT, TOP + plotH));
            List<Duration> ages = result.iteratorAgePerSecond();
            for (int second = 1; second <= ages.size(); second++) {
                double x = LEFT + plotW * (double) second / xMax;
                double y = TOP + plotH - plotH * Math.min(1.0, ages.get(second - 1).toMillis() / 1000.0 / yMax);
                points.append(String.format(Locale.ROOT, " %.1f,%.1f", x, y));
            }
            svg.append(String.format(Locale.ROOT, "  <polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" "
                    + "points=\"%s\"/>%n", color, points));
            Duration end = ages.isEmpty() ? Duration.ZERO : ages.get(ages.size() - 1);
            double endY = TOP + plotH - plotH * Math.min(1.0, end.toMillis() / 1000.0 / yMax);
            svg.append(String.format(Locale.ROOT, "  <text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"%s\">"
                    + "%s (worst %s)</text>%n", LEFT + plotW - 6, Math.max(TOP + 14.0, endY - 8), color,
                    Table.age(end), Table.age(result.worstIteratorAge())));
            int legendY = TOP + 18 + 18 * r;
            svg.append(String.format(Locale.ROOT, "  <line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
                    + "stroke-width=\"3\"/>%n", LEFT + 14, legendY - 4, LEFT + 40, legendY - 4, color));
            svg.append(String.format(Locale.ROOT, "  <text x=\"%d\" y=\"%d\">%s: %s</text>%n", LEFT + 48, legendY,
                    escape(result.config().name()), escape(ConfigText.of(result.config()))));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** A round grid step (seconds or minutes) that covers {@code maxSeconds} in at most six steps. */
    static long tickStep(long maxSeconds) {
        for (long step : new long[] {2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600}) {
            if (maxSeconds <= step * 6) {
                return step;
            }
        }
        return (maxSeconds / 6 + 3599) / 3600 * 3600;
    }

    private static String tickLabel(long seconds) {
        return seconds < 60 || seconds % 60 != 0 ? seconds + " s" : seconds / 60 + " min";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
