package com.javadoor.shop.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The lag of the consumer groups as the gauge {@code kafka.consumer.group.lag} with the tags group,
 * topic and partition ({@code kafka_consumer_group_lag} at {@code /actuator/prometheus}). Asking the
 * broker takes a few round trips, so the values are refreshed on a schedule, not on each scrape; a
 * partition that no group reads any more disappears with the next refresh.
 */
class ConsumerLagMetrics implements MeterBinder, SmartLifecycle {

    static final String METRIC = "kafka.consumer.group.lag";

    private static final Logger log = LoggerFactory.getLogger(ConsumerLagMetrics.class);

    private final ConsumerGroups groups;
    private final Predicate<String> selected;
    private final List<MultiGauge> gauges = new CopyOnWriteArrayList<>();
    private final PeriodicTask refresher;
    private volatile boolean failing;

    ConsumerLagMetrics(ConsumerGroups groups, Predicate<String> selected, Duration interval) {
        this.groups = groups;
        this.selected = selected;
        this.refresher = new PeriodicTask("consumer-lag-metrics", Duration.ZERO, interval, this::refresh);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauges.add(MultiGauge.builder(METRIC)
                .description("Records on a partition after the offset the consumer group last committed")
                .register(registry));
    }

    @Override
    public void start() {
        if (gauges.isEmpty()) {
            // No meter registry took the gauge: nobody would see the values.
            return;
        }
        refresher.start();
    }

    @Override
    public void stop() {
        refresher.stop();
    }

    @Override
    public boolean isRunning() {
        return refresher.isRunning();
    }

    void refresh() {
        try {
            List<MultiGauge.Row<?>> rows = rows(groups.lag(selected));
            gauges.forEach(gauge -> gauge.register(rows, true));
            failing = false;
        }
        catch (RuntimeException ex) {
            if (!refresher.isRunning()) {
                return; // stop() interrupted the call to the broker
            }
            // The last values stay; one warning per outage, not one per refresh.
            if (!failing) {
                log.warn("Could not read consumer lag from the broker, keeping the last values: {}", ex.toString());
            }
            failing = true;
        }
    }

    private static List<MultiGauge.Row<?>> rows(Map<String, ConsumerGroupLag> lag) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        lag.forEach((group, groupLag) -> groupLag.partitions().forEach(partition -> rows.add(MultiGauge.Row.of(
                Tags.of("group", group, "topic", partition.topic(), "partition", String.valueOf(partition.partition())),
                partition.lag()))));
        return rows;
    }
}
