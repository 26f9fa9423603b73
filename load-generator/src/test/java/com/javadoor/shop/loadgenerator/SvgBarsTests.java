package com.javadoor.shop.loadgenerator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The profile's bar chart, read back from its SVG: a segment's tooltip names its bar and library. */
class SvgBarsTests {

    private static final Pattern SEGMENT = Pattern.compile("fill=\"(#[0-9a-f]{6})\"><title>([^<]*)</title>");

    @Test
    void givesALibraryOneColourInEveryBarAndPutsTheSmallOnesTogether() {
        Map<String, Map<String, Double>> bars = new LinkedHashMap<>();
        bars.put("payment-service", ordered("H2", 0.5, "Kafka clients", 0.45, "Jackson", 0.02, "logging", 0.01));
        bars.put("order-service", ordered("Tomcat", 0.6, "H2", 0.4));

        String svg = new SvgBars("a title & more", "CPU ms", bars).render();

        Map<String, String> colours = new LinkedHashMap<>();
        Matcher segment = SEGMENT.matcher(svg);
        while (segment.find()) {
            colours.put(segment.group(2), segment.group(1));
        }
        assertThat(colours.keySet()).containsExactly("order-service Tomcat: 0.60", "order-service H2: 0.40",
                "payment-service H2: 0.50", "payment-service Kafka clients: 0.45", "payment-service other: 0.03");
        assertThat(colours.get("order-service H2: 0.40")).isEqualTo(colours.get("payment-service H2: 0.50"));
        // Tomcat, H2, Kafka clients and "other": four libraries, four colours
        assertThat(Set.copyOf(colours.values())).hasSize(4);
        assertThat(svg).contains("a title &amp; more").endsWith("</svg>\n");
    }

    private static Map<String, Double> ordered(Object... namesAndValues) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], (Double) namesAndValues[i + 1]);
        }
        return map;
    }
}
