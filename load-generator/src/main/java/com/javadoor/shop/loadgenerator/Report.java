package com.javadoor.shop.loadgenerator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The run's JSON report and charts: one timeline per round, and the saturation curve over open-loop rounds. */
final class Report {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final Settings settings;
    private final Instant started;
    private List<Round.Result> rounds = List.of();
    private RawCeiling.Result raw;

    Report(Settings settings, Instant started) {
        this.settings = settings;
        this.started = started;
    }

    void rounds(List<Round.Result> results) {
        this.rounds = results;
    }

    void rawCeiling(RawCeiling.Result result) {
        this.raw = result;
    }

    static String summary(Round.Result r) {
        return String.format(Locale.ROOT, "accepted %d (%.1f/s), finalised %d (%.1f/s end to end), latency ms "
                + "p50 %.1f p95 %.1f p99 %.1f max %.1f (REST 202 p50 %.1f p99 %.1f), not final %d, lag before/after %d/%d (settled after %.0f s), unexpected outcomes %d, errors %s, "
                + "shop CPU %.1f s = %.2f ms/order (%.2f net of its idle %.2f cores), shop disk writes %.1f KiB/order, "
                + "shop memory at most %.0f MiB (PSS summed; RSS summed %.0f MiB), generator CPU %.1f s, processes %s",
                r.accepted(),
                r.acceptedPerSecond(), r.finalised(), r.finalisedPerSecond(), r.latencyMillis().p50(),
                r.latencyMillis().p95(), r.latencyMillis().p99(), r.latencyMillis().max(), r.acceptLatencyMillis().p50(),
                r.acceptLatencyMillis().p99(), r.notFinal(), r.lagBefore(), r.lagAfter(), r.settledSeconds(),
                r.unexpectedOutcomes(), r.errors(), r.shopCpuSeconds(), r.shopCpuMillisPerOrder(), r.shopCpuMillisPerOrderNetOfIdle(), r.idleShopCores(),
                r.shopDiskKiBPerOrder(), r.shopPeakPssMiB(), r.shopPeakRssMiB(), r.generatorCpuSeconds(), r.processes());
    }

    /** What every file of this run is called before its suffix. */
    String name() {
        return "load-" + STAMP.format(started);
    }

    /** How a round is named in its files: {@code 400-per-s}, {@code closed-16}. */
    static String label(int rate, int clients) {
        return rate > 0 ? rate + "-per-s" : "closed-" + clients;
    }

    /** @return the JSON report's path */
    Path write() throws IOException {
        Files.createDirectories(settings.out());
        String name = name();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("started", started.toString());
        json.put("machine", Map.of("processors", Runtime.getRuntime().availableProcessors(),
                "memoryMiB", memoryMiB(), "java", System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.runtime.version")));
        json.put("settings", settings.toString());
        json.put("rounds", rounds);
        if (raw != null) {
            json.put("rawCeiling", raw);
            json.put("finalisedPerSecondToRawProduced", rounds.stream()
                    .map(r -> Round.round(r.finalisedPerSecond() / raw.producedPerSecond() * 1000) / 1000).toList());
        }
        Path report = settings.out().resolve(name + ".json");
        Files.writeString(report, JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                .writeValueAsString(json));
        for (Round.Result round : rounds) {
            String label = label(round.offeredRate(), round.clients());
            Files.writeString(settings.out().resolve(name + "-" + label + ".svg"), timeline(round));
            if (round.profile() != null) {
                Files.writeString(settings.out().resolve(name + "-" + label + "-profile.svg"), profile(round));
            }
        }
        List<Round.Result> open = rounds.stream().filter(r -> r.offeredRate() > 0).toList();
        if (open.size() > 1) {
            Files.writeString(settings.out().resolve(name + "-saturation.svg"), saturation(open));
        }
        return report;
    }

    private static String timeline(Round.Result round) {
        String title = round.offeredRate() > 0 ? round.offeredRate() + " orders/s offered"
                : "closed loop, " + round.clients() + " clients";
        return new SvgChart(title + String.format(Locale.ROOT, ": p99 %.0f ms", round.latencyMillis().p99()),
                "seconds since start", "orders per second")
                .add("accepted (REST)", round.timeline().stream()
                        .map(s -> new double[] { s.second(), s.accepted() }).toList())
                .add("finalised (orders topic)", round.timeline().stream()
                        .map(s -> new double[] { s.second(), s.finalised() }).toList())
                .render();
    }

    private static String saturation(List<Round.Result> open) {
        String throughput = new SvgChart("Achieved vs offered", "offered orders/s", "orders/s")
                .add("offered", open.stream().map(r -> new double[] { r.offeredRate(), r.offeredRate() }).toList())
                .add("finalised end to end", open.stream()
                        .map(r -> new double[] { r.offeredRate(), r.finalisedPerSecond() }).toList())
                .render();
        String p99 = new SvgChart("Placement to final state, p99", "offered orders/s", "milliseconds")
                .add("p99", open.stream().map(r -> new double[] { r.offeredRate(), r.latencyMillis().p99() }).toList())
                .add("p50", open.stream().map(r -> new double[] { r.offeredRate(), r.latencyMillis().p50() }).toList())
                .render();
        // two panels, one above the other
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"640\">\n"
                + throughput.replaceFirst("<svg ", "<svg y=\"0\" ")
                + p99.replaceFirst("<svg ", "<svg y=\"320\" ") + "</svg>\n";
    }

    /** Two lines a process: its total per order, then its largest libraries; and its busiest threads. */
    static String profileSummary(Round.Profile profile) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "profile, %s per finalised order:",
                profile.unit()));
        profile.perOrderByLibrary().forEach((part, libraries) -> {
            double total = libraries.values().stream().mapToDouble(Double::doubleValue).sum();
            text.append(String.format(Locale.ROOT, "%n  %-18s %7.2f = %s", part, total, largest(libraries, 8)));
            Map<String, Double> threads = profile.perOrderByThread().getOrDefault(part, Map.of());
            if (!threads.isEmpty()) {
                text.append(String.format(Locale.ROOT, "%n  %-18s         by thread: %s", "", largest(threads, 6)));
            }
        });
        return text.toString();
    }

    private static String largest(Map<String, Double> parts, int count) {
        return String.join(", ", parts.entrySet().stream().limit(count)
                .map(part -> String.format(Locale.ROOT, "%s %.2f", part.getKey(), part.getValue())).toList());
    }

    private static String profile(Round.Result round) {
        double total = round.profile().perOrderByLibrary().values().stream()
                .flatMap(libraries -> libraries.values().stream()).mapToDouble(Double::doubleValue).sum();
        String title = String.format(Locale.ROOT, "%s per order by process and library: %.2f in all (%s, %.0f orders/s)",
                round.profile().unit(), total, round.offeredRate() > 0 ? round.offeredRate() + "/s offered"
                        : "closed loop", round.finalisedPerSecond());
        return new SvgBars(title, round.profile().unit() + " per finalised order", round.profile().perOrderByLibrary()).render();
    }

    private static long memoryMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        }
        catch (IOException noProc) {
            return 0;
        }
        return 0;
    }
}
