package com.javadoor.shop.loadgenerator;

import com.javadoor.shop.events.EventHeaders;
import com.javadoor.shop.events.EventType;
import com.javadoor.shop.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the orders topic from its end, without a consumer group (all partitions assigned, nothing
 * committed), and hands every OrderConfirmed and OrderCancelled to the tracker. Routes on the
 * {@code ce_type} header alone, so no event body is parsed.
 */
final class OutcomeListener implements AutoCloseable {

    private static final String CONFIRMED = EventType.ORDER_CONFIRMED.typeName();
    private static final String CANCELLED = EventType.ORDER_CANCELLED.typeName();

    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private volatile OrderTracker tracker;
    private volatile boolean running = true;

    OutcomeListener(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.CLIENT_ID_CONFIG, "load-generator",
                // the final event of one order is tiny: ask for whatever has arrived, at once
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.ORDERS).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // resolves the end offsets now, so no final event of an order placed from here on is missed
        partitions.forEach(consumer::position);
        thread = new Thread(this::pollUntilClosed, "outcome-listener");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** The tracker of the current round; finals of earlier rounds' orders then count nowhere. */
    void follow(OrderTracker current) {
        tracker = current;
    }

    private void pollUntilClosed() {
        while (running) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                Header type = record.headers().lastHeader(EventHeaders.TYPE);
                OrderTracker current = tracker;
                if (type == null || current == null || record.key() == null) {
                    continue;
                }
                String typeName = new String(type.value(), StandardCharsets.UTF_8);
                if (typeName.equals(CONFIRMED) || typeName.equals(CANCELLED)) {
                    current.finalEvent(UUID.fromString(record.key()), typeName, System.nanoTime());
                }
            }
        }
        consumer.close(Duration.ofSeconds(2));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
