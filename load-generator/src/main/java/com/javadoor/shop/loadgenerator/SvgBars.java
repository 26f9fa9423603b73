package com.javadoor.shop.loadgenerator;

import static com.javadoor.shop.loadgenerator.Svg.escape;
import static com.javadoor.shop.loadgenerator.Svg.format;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stacked horizontal bars as a small self-contained SVG: one bar a process, as long as what it spends per
 * order, cut into its libraries. A library has the same colour in every bar; one that is less than a
 * twentieth of its bar goes into that bar's "other", so the picture shows where the time goes, not every
 * package.
 */
final class SvgBars {

    private static final String[] COLOURS = { "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
            "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#aec7e8", "#ffbb78", "#98df8a", "#ff9896" };
    private static final String OTHER = "other";
    private static final String OTHER_COLOUR = "#dddddd";
    private static final int WIDTH = 720;
    private static final int LEFT = 130;
    private static final int RIGHT = 60;
    private static final int TOP = 36;
    private static final int BAR = 22;
    private static final int GAP = 8;
    private static final int LEGEND_ROW = 16;
    private static final double SMALL = 0.05;

    private final String title;
    private final String axis;
    private final Map<String, Map<String, Double>> bars;

    SvgBars(String title, String axis, Map<String, Map<String, Double>> bars) {
        this.title = title;
        this.axis = axis;
        this.bars = bars;
    }

    String render() {
        Map<String, Map<String, Double>> merged = new LinkedHashMap<>();
        bars.entrySet().stream().sorted(Comparator.comparingDouble(bar -> -total(bar.getValue())))
                .forEach(bar -> merged.put(bar.getKey(), mergeSmall(bar.getValue())));
        List<String> legend = legend(merged);
        double max = merged.values().stream().mapToDouble(SvgBars::total).max().orElse(1);
        int chartBottom = TOP + merged.size() * (BAR + GAP);
        int legendColumns = 3;
        int height = chartBottom + 40 + ((legend.size() + legendColumns - 1) / legendColumns) * LEGEND_ROW + 10;
        StringBuilder svg = Svg.start(WIDTH, height, 10, title);
        int y = TOP;
        for (Map.Entry<String, Map<String, Double>> bar : merged.entrySet()) {
            svg.append(format("<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", LEFT - 6, y + BAR / 2 + 4,
                    escape(bar.getKey())));
            double x = LEFT;
            for (Map.Entry<String, Double> library : bar.getValue().entrySet()) {
                double width = library.getValue() / max * (WIDTH - LEFT - RIGHT);
                svg.append(format("<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\">"
                        + "<title>%s %s: %.2f</title></rect>%n", x, y, width, BAR,
                        colour(legend, library.getKey()), escape(bar.getKey()), escape(library.getKey()),
                        library.getValue()));
                x += width;
            }
            svg.append(format("<text x=\"%.1f\" y=\"%d\">%.2f</text>%n", x + 4, y + BAR / 2 + 4, total(bar.getValue())));
            y += BAR + GAP;
        }
        svg.append(format("<text x=\"%d\" y=\"%d\">%s</text>%n", LEFT, chartBottom + 12, escape(axis)));
        int columnWidth = (WIDTH - 20) / legendColumns;
        for (int i = 0; i < legend.size(); i++) {
            int lx = 10 + (i % legendColumns) * columnWidth;
            int ly = chartBottom + 32 + (i / legendColumns) * LEGEND_ROW;
            svg.append(format("<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>%n", lx, ly - 9, colour(legend, legend.get(i)), lx + 14, ly,
                    escape(legend.get(i))));
        }
        return svg.append("</svg>\n").toString();
    }

    /** The libraries a bar shows, largest first; the small ones together as "other", last. */
    private static Map<String, Double> mergeSmall(Map<String, Double> libraries) {
        double total = total(libraries);
        Map<String, Double> merged = new LinkedHashMap<>();
        double other = 0;
        for (Map.Entry<String, Double> library : libraries.entrySet()) {
            if (library.getValue() >= SMALL * total && !library.getKey().equals(OTHER)) {
                merged.put(library.getKey(), library.getValue());
            }
            else {
                other += library.getValue();
            }
        }
        if (other > 0) {
            merged.put(OTHER, other);
        }
        return merged;
    }

    /** Every library shown, by what it weighs over all bars, so the largest get the clearest colours. */
    private static List<String> legend(Map<String, Map<String, Double>> bars) {
        Map<String, Double> overall = new LinkedHashMap<>();
        bars.values().forEach(bar -> bar.forEach((library, value) -> overall.merge(library, value, Double::sum)));
        List<String> legend = new ArrayList<>(overall.keySet().stream().filter(library -> !library.equals(OTHER))
                .sorted(Comparator.comparingDouble(library -> -overall.get(library))).toList());
        if (overall.containsKey(OTHER)) {
            legend.add(OTHER);
        }
        return legend;
    }

    private static String colour(List<String> legend, String library) {
        int index = legend.indexOf(library);
        return library.equals(OTHER) || index < 0 ? OTHER_COLOUR : COLOURS[index % COLOURS.length];
    }

    private static double total(Map<String, Double> libraries) {
        return libraries.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
