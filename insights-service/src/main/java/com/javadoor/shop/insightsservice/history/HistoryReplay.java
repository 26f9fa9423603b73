package com.javadoor.shop.insightsservice.history;

import com.javadoor.shop.events.ShopEvent;
import com.javadoor.shop.events.Topics;
import com.javadoor.shop.messaging.EventMetadata;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * REPLAY. On every start the history is rebuilt from the first retained record of {@code orders},
 * {@code payments} and {@code inventory}, then kept current from the same consumer. There is no
 * consumer group: the partitions are assigned, not subscribed, nothing is committed, and no other
 * instance shares the work, because each instance needs every event. That fits a view whose source of
 * truth is the log: nothing to migrate, nothing to back up, and a new view or a fixed bug takes effect
 * by restarting. The price is the start-up time (retention bounds it, 7 days here) and memory.
 */
@Component
class HistoryReplay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HistoryReplay.class);

    static final List<String> TOPICS = List.of(Topics.ORDERS, Topics.PAYMENTS, Topics.INVENTORY);

    /** A topic whose owner has not created it yet is looked for again after this long. */
    private static final Duration LOOK_FOR_PARTITIONS_EVERY = Duration.ofSeconds(10);

    private final ConsumerFactory<String, ShopEvent> consumers;
    private final OrderHistory history;
    private volatile Consumer<String, ShopEvent> consumer;
    private volatile boolean running;
    private Thread thread;

    HistoryReplay(ConsumerFactory<String, ShopEvent> consumers, OrderHistory history) {
        this.consumers = consumers;
        this.history = history;
    }

    @Override
    public synchronized void start() {
        Consumer<String, ShopEvent> replaying = consumers.createConsumer(null, "insights-history", null);
        consumer = replaying;
        running = true;
        thread = new Thread(() -> replay(replaying), "insights-history");
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void replay(Consumer<String, ShopEvent> consumer) {
        long nextLook = System.nanoTime();
        try (consumer) {
            while (running) {
                if (System.nanoTime() - nextLook >= 0) {
                    assignNewPartitionsFromTheBeginning(consumer);
                    nextLook = System.nanoTime() + LOOK_FOR_PARTITIONS_EVERY.toNanos();
                }
                if (consumer.assignment().isEmpty()) {
                    pause();
                    continue;
                }
                consumer.poll(Duration.ofMillis(500)).forEach(this::record);
            }
        }
        catch (WakeupException ex) {
            // stop() asked the consumer to leave poll()
        }
        catch (RuntimeException ex) {
            log.error("Order history replay stopped; histories are no longer updated", ex);
        }
    }

    private static void assignNewPartitionsFromTheBeginning(Consumer<String, ShopEvent> consumer) {
        Set<TopicPartition> known = consumer.assignment();
        Set<TopicPartition> all = new HashSet<>(known);
        TOPICS.forEach(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(5))
                .forEach(info -> all.add(new TopicPartition(topic, info.partition()))));
        if (all.size() > known.size()) {
            consumer.assign(all);
            consumer.seekToBeginning(all.stream().filter(partition -> !known.contains(partition)).toList());
            log.info("Replaying {} from the beginning", all);
        }
    }

    private void record(ConsumerRecord<String, ShopEvent> record) {
        if (record.value() == null) {
            log.warn("Skipping unreadable record {}-{}@{}", record.topic(), record.partition(), record.offset());
            return;
        }
        try {
            EventMetadata event = EventMetadata.from(record.headers());
            history.add(record.value().orderId(), new HistoryEntry(event.id(), event.type(), event.time(),
                    event.source(), record.topic(), record.partition(), record.offset()));
        }
        catch (IllegalArgumentException ex) {
            log.warn("Skipping record {}-{}@{} without valid event headers: {}", record.topic(), record.partition(),
                    record.offset(), ex.getMessage());
        }
    }

    private void pause() {
        try {
            Thread.sleep(1_000);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
