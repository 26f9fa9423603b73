package com.javadoor.shop.loadgenerator;

import java.util.Locale;

/**
 * What every chart of the generator starts with: a self-contained SVG on a white background under its
 * title, its text escaped, its numbers written the same whatever the machine's locale.
 */
final class Svg {

    private Svg() {
    }

    /** The opening tag, the background and the title; the caller appends its marks and {@code </svg>}. */
    static StringBuilder start(int width, int height, int titleX, String title) {
        return new StringBuilder()
                .append(format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                        + "font-family=\"sans-serif\" font-size=\"11\">%n", width, height))
                .append(format("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height))
                .append(format("<text x=\"%d\" y=\"20\" font-size=\"14\">%s</text>%n", titleX, escape(title)));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
