package io.github.streamharness.examples.demo;

import io.github.streamharness.whatif.ConfigurationResult;
import io.github.streamharness.whatif.Period;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Small multiples of line charts over virtual time, one panel per metric, one line per configuration, as a
 * self-contained SVG document (no charting dependency). The legend sits above the panels, outside every plot area;
 * axis labels sit outside their plot, so no label covers a line or another label.
 */
final class TimeSeriesChart {
    private static final int PANEL_W = 470;
    private static final int PANEL_H = 220;
    private static final int LEFT = 70;
    private static final int GAP_X = 40;
    private static final int TITLE_H = 26;
    private static final int AXIS_H = 30;
    private static final int TOP = 90;
    private static final String[] COLORS = {"#d62728", "#2ca02c", "#1f77b4", "#ff7f0e"};

    /** A metric to draw: its panel title, its value per period, and how to print a tick value. */
    record Metric(String title, ToDoubleFunction<Period> value, boolean isAge) {
    }

    static final List<Metric> INCIDENT_METRICS = List.of(
            new Metric("IteratorAge, maximum per 5 minutes", p -> p.maxIteratorAge().toMillis(), true),
            new Metric("Errors per 5 minutes (timeouts included)", Period::errors, false),
            new Metric("Invocations per 5 minutes", Period::invocations, false),
            new Metric("Throttles per 5 minutes", Period::throttles, false));

    private TimeSeriesChart() {
    }

    static String svg(String title, Duration duration, List<ConfigurationResult> results, List<Metric> metrics) {
        int columns = 2;
        int rows = (metrics.size() + columns - 1) / columns;
        int cellW = LEFT + PANEL_W + GAP_X;
        int cellH = TITLE_H + PANEL_H + AXIS_H + 20;
        int width = cellW * columns + 20;
        int top = TOP + Math.max(0, results.size() - 2) * 18;
        int height = top + rows * cellH;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", width, height, width, height));
        svg.append(String.format(Locale.ROOT, "  <rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        svg.append(String.format(Locale.ROOT, "  <text x=\"20\" y=\"28\" font-size=\"16\" font-weight=\"bold\">%s"
                + "</text>%n", escape(title)));
        for (int i = 0; i < results.size(); i++) { // the legend: one row per configuration, above every panel
            int y = 50 + i * 18;
            svg.append(String.format(Locale.ROOT, "  <line x1=\"20\" y1=\"%d\" x2=\"44\" y2=\"%d\" stroke=\"%s\" "
                    + "stroke-width=\"3\"/>%n", y - 4, y - 4, COLORS[i % COLORS.length]));
            svg.append(String.format(Locale.ROOT, "  <text x=\"52\" y=\"%d\">%s</text>%n", y,
                    escape(results.get(i).name() + ": " + ConfigText.of(results.get(i).configuration()))));
        }
        for (int m = 0; m < metrics.size(); m++) {
            int x = 10 + (m % columns) * cellW + LEFT;
            int y = top + (m / columns) * cellH + TITLE_H;
            panel(svg, metrics.get(m), results, duration, x, y);
        }
        return svg.append("</svg>\n").toString();
    }

    private static void panel(StringBuilder svg, Metric metric, List<ConfigurationResult> results, Duration duration,
                              int x, int y) {
        svg.append(String.format(Locale.ROOT, "  <text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>%n", x,
                y - 10, escape(metric.title())));
        double max = results.stream().flatMap(r -> r.periods().stream()).mapToDouble(metric.value()).max()
                .orElse(0);
        double step = metric.isAge() ? 1000.0 * timeStep(Math.max(max, 10_000) / 1000 / 4 * 6)
                : countStep(Math.max(max, 4) / 4);
        int ticks = (int) Math.max(1, Math.ceil(max / step));
        double top = step * ticks;
        for (int i = 0; i <= ticks; i++) {
            double ty = y + PANEL_H - PANEL_H * i / (double) ticks;
            svg.append(String.format(Locale.ROOT, "  <line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" "
                    + "stroke=\"#e4e4e4\"/>%n", x, ty, x + PANEL_W, ty));
            svg.append(String.format(Locale.ROOT, "  <text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    x - 6, ty + 4, metric.isAge() ? ageTick(step * i) : countTick(step * i)));
        }
        svg.append(String.format(Locale.ROOT, "  <rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#999\"/>%n", x, y, PANEL_W, PANEL_H));
        long seconds = duration.toSeconds();
        long xStep = timeStep(seconds);
        for (long t = 0; t <= seconds; t += xStep) {
            double tx = x + PANEL_W * t / (double) seconds;
            svg.append(String.format(Locale.ROOT, "  <text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    tx, y + PANEL_H + 18, Format.clock(Duration.ofSeconds(t))));
        }
        for (int r = 0; r < results.size(); r++) {
            List<Period> periods = results.get(r).periods();
            StringBuilder points = new StringBuilder();
            for (Period p : periods) { // a step per period: its value from its start to its end
                double begin = x + PANEL_W * p.start().toSeconds() / (double) seconds;
                double end = x + PANEL_W * Math.min(seconds, p.start().toSeconds() + periodSeconds(periods))
                        / (double) seconds;
                double py = y + PANEL_H - PANEL_H * metric.value().applyAsDouble(p) / top;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f %.1f,%.1f ", begin, py, end, py));
            }
            svg.append(String.format(Locale.ROOT, "  <polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" "
                    + "points=\"%s\"/>%n", COLORS[r % COLORS.length], points.toString().trim()));
        }
    }

    private static long periodSeconds(List<Period> periods) {
        return periods.size() > 1 ? periods.get(1).start().toSeconds() - periods.get(0).start().toSeconds() : 60;
    }

    /** Seconds between two time ticks: a round step giving at most 6 intervals. */
    private static long timeStep(double seconds) {
        for (long step : new long[] {10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600}) {
            if (seconds / step <= 6) {
                return step;
            }
        }
        return 7200;
    }

    /** A round count at or above {@code raw}: 1, 2, 5, 10, 20, 50, ... (counts have no fractions). */
    private static double countStep(double raw) {
        double magnitude = Math.max(1, Math.pow(10, Math.floor(Math.log10(raw))));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * magnitude >= raw) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String ageTick(double millis) {
        long s = Math.round(millis / 1000);
        return s < 60 ? s + " s" : s % 60 == 0 ? s / 60 + " min" : String.format(Locale.ROOT, "%dm %02ds", s / 60,
                s % 60);
    }

    private static String countTick(double n) {
        return n == Math.rint(n) ? String.format(Locale.ROOT, "%,d", (long) n) : String.format(Locale.ROOT, "%.1f", n);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
