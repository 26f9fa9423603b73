package com.javadoor.shop.insightsservice.activity;

import com.javadoor.shop.events.ShopEvent;
import com.javadoor.shop.events.Topics;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * AT MOST ONCE. The offsets of a poll's records are committed before any of them is handled: if the
 * handling of one then fails, or the process dies half-way, those records are not delivered again. That
 * fits a live feed: an entry missing from a screen of the last hundred events harms no one, while
 * replaying a backlog after a crash would show stale events twice, and retrying a record that keeps
 * failing would freeze the feed. It would not fit money or stock, which is why the other services handle
 * events at least once and idempotently, and why sales are counted exactly once.
 *
 * <p>One commit per poll, not per record: a synchronous commit is a round trip to the broker and a
 * write to {@code __consumer_offsets}, which held this feed to about 200 events a second.
 *
 * <p>The group is {@code insights-activity}; the container acknowledges nothing by itself
 * ({@link ActivityConsumerConfiguration}), so the {@code acknowledge()} below is the commit.
 */
@Component
class ActivityListener {

    private static final Logger log = LoggerFactory.getLogger(ActivityListener.class);

    private final ActivityFeed feed;

    ActivityListener(ActivityFeed feed) {
        this.feed = feed;
    }

    @KafkaListener(id = "insights-activity", topics = { Topics.ORDERS, Topics.PAYMENTS, Topics.INVENTORY },
            containerFactory = ActivityConsumerConfiguration.AT_MOST_ONCE, batch = "true")
    void on(List<ConsumerRecord<String, ShopEvent>> records, Acknowledgment ack) {
        ack.acknowledge();
        for (ConsumerRecord<String, ShopEvent> record : records) {
            try {
                feed.add(ActivityEntry.of(record));
            }
            catch (RuntimeException lost) {
                // Lost alone: the records after it are still shown.
                log.warn("Event at {}-{}@{} is missing from the activity feed: {}", record.topic(),
                        record.partition(), record.offset(), lost.toString());
            }
        }
    }
}
