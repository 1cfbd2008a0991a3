package io.github.streamharness.whatif;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Small multiples of horizontal bar charts, one per figure of a what-if, as a self-contained SVG document: each
 * panel lists the configurations on the left, one bar each, with its value printed past the bar's end, so no label
 * sits over another or over a bar.
 */
final class WhatIfChart {
    private static final int COLUMNS = 4;
    private static final int BAR_AREA = 170;
    private static final int VALUE_AREA = 90;
    private static final int ROW = 22;
    private static final int PANEL_TITLE = 28;
    private static final int GAP = 24;
    private static final int TOP = 50;
    private static final double CHAR_WIDTH = 7.0; // 12 px sans-serif, generous
    private static final String[] COLORS = {"#d62728", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
        "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

    private record Figure(String title, ToDoubleFunction<ConfigurationResult> value,
                          Function<ConfigurationResult, String> label) {
    }

    private final String title;
    private final List<ConfigurationResult> results;

    WhatIfChart(String title, List<ConfigurationResult> results) {
        this.title = title;
        this.results = results;
    }

    String svg() {
        List<Figure> figures = List.of(
                new Figure("IteratorAge maximum", r -> r.maxIteratorAge().toMillis(),
                        r -> WhatIfReport.age(r.maxIteratorAge())),
                new Figure("Errors (timeouts included)", r -> r.errors(), r -> count(r.errors())),
                new Figure("Throttles", r -> r.throttles(), r -> count(r.throttles())),
                new Figure("Invocations", r -> r.invocations(), r -> count(r.invocations())),
                new Figure("Records waiting at the end", r -> r.waiting(), r -> count(r.waiting())),
                new Figure("On-failure (DLQ) messages", r -> r.dlqMessages(), r -> count(r.dlqMessages())),
                new Figure("Cold starts", r -> r.coldStarts(), r -> count(r.coldStarts())),
                new Figure("Estimated cost, USD", r -> r.cost().total().doubleValue(),
                        r -> String.format(Locale.ROOT, "%.4f", r.cost().total())));
        int labelArea = (int) Math.ceil(results.stream().mapToInt(r -> r.name().length()).max().orElse(4)
                * CHAR_WIDTH) + 12;
        int panelWidth = labelArea + BAR_AREA + VALUE_AREA;
        int panelHeight = PANEL_TITLE + results.size() * ROW + 8;
        int rows = (figures.size() + COLUMNS - 1) / COLUMNS;
        int width = GAP + COLUMNS * (panelWidth + GAP);
        int height = TOP + rows * (panelHeight + GAP);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", width, height, width, height));
        svg.append(String.format(Locale.ROOT, "  <rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        svg.append(String.format(Locale.ROOT, "  <text x=\"%d\" y=\"30\" font-size=\"16\" font-weight=\"bold\">%s"
                + "</text>%n", GAP, escape(title)));
        for (int f = 0; f < figures.size(); f++) {
            int x = GAP + (f % COLUMNS) * (panelWidth + GAP);
            int y = TOP + (f / COLUMNS) * (panelHeight + GAP);
            panel(svg, figures.get(f), x, y, labelArea, panelWidth, panelHeight);
        }
        return svg.append("</svg>\n").toString();
    }

    private void panel(StringBuilder svg, Figure figure, int x, int y, int labelArea, int panelWidth,
                       int panelHeight) {
        svg.append(String.format(Locale.ROOT, "  <rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#ddd\"/>%n", x, y, panelWidth, panelHeight));
        svg.append(String.format(Locale.ROOT, "  <text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>%n",
                x + 8, y + 18, escape(figure.title())));
        double max = results.stream().mapToDouble(figure.value()).max().orElse(0);
        int barX = x + labelArea;
        svg.append(String.format(Locale.ROOT, "  <line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>%n",
                barX, y + PANEL_TITLE - 2, barX, y + PANEL_TITLE + results.size() * ROW));
        for (int i = 0; i < results.size(); i++) {
            ConfigurationResult r = results.get(i);
            int rowY = y + PANEL_TITLE + i * ROW;
            double length = max <= 0 ? 0 : BAR_AREA * figure.value().applyAsDouble(r) / max;
            svg.append(String.format(Locale.ROOT, "  <text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
                    barX - 6, rowY + 15, escape(r.name())));
            svg.append(String.format(Locale.ROOT, "  <rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
                    + "fill=\"%s\"/>%n", barX, rowY + 4, length, ROW - 8, COLORS[i % COLORS.length]));
            svg.append(String.format(Locale.ROOT, "  <text x=\"%.1f\" y=\"%d\">%s</text>%n",
                    barX + length + 5, rowY + 15, escape(figure.label().apply(r))));
        }
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
