package com.javadoor.shop.loadgenerator;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line, as {@code --name=value} options.
 *
 * @param mailServer   GreenMail's API, emptied before each round; "none" to leave it alone
 * @param rates        offered orders per second, one round each; 0 means closed loop ("max")
 * @param clients      concurrent clients of a closed loop, each placing its next order once the last is accepted
 * @param connections  connections of an open loop; an order due while all are busy waits for one, and the
 *                     wait counts in its latency
 * @param duration     how long each round places orders
 * @param warmup       orders placed at the first rate before measuring, so the services' JIT has compiled the hot paths
 * @param drain        how long to wait after a round for orders still on their way
 * @param settle       how long to wait, before and after a round, for every consumer group of the shop to catch up
 * @param pause        between rounds, so the next starts from an idle shop
 * @param maxInFlight  requests an open loop leaves unanswered before it skips (and counts) the orders it cannot place
 * @param declinedPercent   bob ordering more than his balance
 * @param outOfStockPercent dave ordering more webcams than there are
 * @param rawRecords   records for Kafka's ProducerPerformance and ConsumerPerformance; 0 skips the raw ceiling
 * @param profile      what to profile in every JVM of the shop during each measured round (cpu, alloc), or null
 */
record Settings(URI orderService, String bootstrapServers, URI mailServer, List<Integer> rates, int clients, int connections,
        Duration duration,
        Duration warmup, Duration drain, Duration settle, Duration pause, int maxInFlight, int declinedPercent, int outOfStockPercent,
        int rawRecords, int rawRecordSize, Path out, ShopProfiler.Event profile) {

    static Settings parse(String... args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Options are --name=value, not: " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        Settings settings = new Settings(URI.create(take(options, "order-service", "http://localhost:8080")),
                take(options, "bootstrap-servers", "localhost:9092"), mailServer(take(options, "mail-api", "http://localhost:8025")),
                Arrays.stream(take(options, "rate", "max").split(","))
                        .map(rate -> rate.equals("max") ? 0 : Integer.parseInt(rate.trim())).toList(),
                Integer.parseInt(take(options, "clients", "32")), Integer.parseInt(take(options, "connections", "256")),
                duration(take(options, "duration", "30s")),
                duration(take(options, "warmup", "10s")), duration(take(options, "drain", "60s")),
                duration(take(options, "settle", "60s")),
                duration(take(options, "pause", "5s")), Integer.parseInt(take(options, "max-in-flight", "2000")),
                Integer.parseInt(take(options, "declined-percent", "5")),
                Integer.parseInt(take(options, "out-of-stock-percent", "5")),
                Integer.parseInt(take(options, "raw-records", "300000")),
                Integer.parseInt(take(options, "raw-record-size", "300")), Path.of(take(options, "out", "load-results")),
                profile(take(options, "profile", "none")));
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("Unknown options: " + options.keySet());
        }
        return settings;
    }

    private static URI mailServer(String address) {
        return address.equals("none") ? null : URI.create(address);
    }

    private static ShopProfiler.Event profile(String event) {
        return event.equals("none") ? null : ShopProfiler.Event.of(event);
    }

    private static String take(Map<String, String> options, String name, String fallback) {
        String value = options.remove(name);
        return value != null ? value : fallback;
    }

    /** 30s, 2m, 500ms, or plain seconds. */
    static Duration duration(String text) {
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        if (text.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
        }
        if (text.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(text));
    }
}
