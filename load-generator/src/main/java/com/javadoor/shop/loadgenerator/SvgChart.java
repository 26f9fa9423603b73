package com.javadoor.shop.loadgenerator;

import static com.javadoor.shop.loadgenerator.Svg.escape;
import static com.javadoor.shop.loadgenerator.Svg.format;

import java.util.ArrayList;
import java.util.List;

/** A line chart as a small self-contained SVG: one panel, shared x axis, one or more series. */
final class SvgChart {

    private static final String[] COLOURS = { "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e" };
    private static final int WIDTH = 640;
    private static final int HEIGHT = 320;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 36;
    private static final int BOTTOM = 44;

    record Series(String name, List<double[]> points) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();

    SvgChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    SvgChart add(String name, List<double[]> points) {
        series.add(new Series(name, points));
        return this;
    }

    String render() {
        double maxX = niceCeiling(series.stream().flatMap(s -> s.points().stream()).mapToDouble(p -> p[0]).max().orElse(1));
        double maxY = niceCeiling(series.stream().flatMap(s -> s.points().stream()).mapToDouble(p -> p[1]).max().orElse(1));
        StringBuilder svg = Svg.start(WIDTH, HEIGHT, LEFT, title);
        for (int tick = 0; tick <= 4; tick++) {
            double y = y(maxY * tick / 4, maxY);
            double x = x(maxX * tick / 4, maxX);
            svg.append(format("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                    LEFT, y, WIDTH - RIGHT, y));
            svg.append(format("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT - 6, y + 4,
                    label(maxY * tick / 4)));
            svg.append(format("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x,
                    HEIGHT - BOTTOM + 16, label(maxX * tick / 4)));
        }
        svg.append(format("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 8, escape(xLabel)));
        svg.append(format("<text transform=\"translate(14,%d) rotate(-90)\" text-anchor=\"middle\">%s</text>%n",
                (TOP + HEIGHT - BOTTOM) / 2, escape(yLabel)));
        for (int i = 0; i < series.size(); i++) {
            String colour = COLOURS[i % COLOURS.length];
            StringBuilder points = new StringBuilder();
            for (double[] point : series.get(i).points()) {
                points.append(format("%.1f,%.1f ", x(point[0], maxX), y(point[1], maxY)));
                if (series.get(i).points().size() <= 20) {
                    svg.append(format("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n",
                            x(point[0], maxX), y(point[1], maxY), colour));
                }
            }
            svg.append(format("<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n", colour,
                    points.toString().trim()));
            svg.append(format("<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>%n", WIDTH - RIGHT - 220, TOP + 4 + 14 * i,
                    colour, escape(series.get(i).name())));
        }
        return svg.append("</svg>\n").toString();
    }

    private static double x(double value, double max) {
        return LEFT + value / max * (WIDTH - LEFT - RIGHT);
    }

    private static double y(double value, double max) {
        return HEIGHT - BOTTOM - value / max * (HEIGHT - TOP - BOTTOM);
    }

    /** 1, 2 or 5 times a power of ten, at or above the value. */
    private static double niceCeiling(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(value, 1e-9))));
        for (double step : new double[] { 1, 2, 5, 10 }) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String label(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : format("%.1f", value);
    }
}
