package com.javadoor.shop.loadgenerator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the running shop: {@code java -jar load-generator.jar --rate=500 --duration=30s}, or
 * {@code --rate=max --clients=32} for a closed loop, or {@code --rate=250,500,1000} for a saturation curve.
 * Prints each round, then writes a JSON report and SVG charts to {@code --out} (default ./load-results).
 * {@code --profile=cpu} (or {@code alloc}) also profiles every JVM of the shop during each round and splits
 * what each spends per order by library ({@link ShopProfiler}).
 */
public final class LoadGenerator {

    private static final Logger log = LoggerFactory.getLogger(LoadGenerator.class);

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args);
        Report report = new Report(settings, Instant.now());
        try (OutcomeListener outcomes = new OutcomeListener(settings.bootstrapServers());
                ShopLag lag = new ShopLag(settings.bootstrapServers());
                OrderPlacer placer = new OrderPlacer(settings.orderService(), settings.connections())) {
            outcomes.start();
            ShopProfiler profiler = settings.profile() == null ? null
                    : ShopProfiler.create(settings.profile(), settings.out());
            Round round = new Round(settings, placer, outcomes, lag, profiler);
            if (!settings.warmup().isZero()) {
                log.info("warm-up: {} for {}", describe(settings.rates().get(0), settings), settings.warmup());
                log.info("warm-up done: {}",
                        Report.summary(round.run(settings.rates().get(0), settings.warmup(), null)));
            }
            List<Round.Result> results = new ArrayList<>();
            for (int rate : settings.rates()) {
                Thread.sleep(settings.pause().toMillis());
                log.info("round: {} for {}", describe(rate, settings), settings.duration());
                Round.Result result = round.run(rate, settings.duration(),
                        report.name() + "-" + Report.label(rate, settings.clients()));
                log.info("{}", Report.summary(result));
                if (result.profile() != null) {
                    log.info("{}", Report.profileSummary(result.profile()));
                }
                results.add(result);
            }
            report.rounds(results);
        }
        if (settings.rawRecords() > 0) {
            Thread.sleep(settings.pause().toMillis());
            RawCeiling.Result raw = RawCeiling.measure(settings);
            log.info("raw ceiling: {} records of {} B produced at {}/s (acks=all, p99 {} ms), consumed at {}/s",
                    raw.records(), raw.recordSize(), raw.producedPerSecond(), raw.producerP99Millis(),
                    raw.consumedPerSecond());
            report.rawCeiling(raw);
        }
        log.info("written: {}", report.write());
    }

    private static String describe(int rate, Settings settings) {
        return rate > 0 ? rate + " orders/s offered" : "closed loop, " + settings.clients() + " clients";
    }
}
