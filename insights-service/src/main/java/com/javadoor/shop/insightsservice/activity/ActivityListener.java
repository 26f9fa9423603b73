package com.javadoor.shop.insightsservice.activity;

import com.javadoor.shop.events.ShopEvent;
import com.javadoor.shop.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * AT MOST ONCE. Each record's offset is committed before the record is handled: if the handling then
 * fails, or the process dies half-way, the record is not delivered again. That fits a live feed: an
 * entry missing from a screen of the last hundred events harms no one, while replaying a backlog after
 * a crash would show stale events twice, and retrying a record that keeps failing would freeze the
 * feed. It would not fit money or stock, which is why the other services handle events at least once
 * and idempotently, and why sales are counted exactly once.
 *
 * <p>The group is {@code insights-activity}; the container acknowledges nothing by itself
 * ({@link ActivityConsumerConfiguration}), so the {@code acknowledge()} below is the commit.
 */
@Component
class ActivityListener {

    private final ActivityFeed feed;

    ActivityListener(ActivityFeed feed) {
        this.feed = feed;
    }

    @KafkaListener(id = "insights-activity", topics = { Topics.ORDERS, Topics.PAYMENTS, Topics.INVENTORY },
            containerFactory = ActivityConsumerConfiguration.AT_MOST_ONCE)
    void on(ConsumerRecord<String, ShopEvent> record, Acknowledgment ack) {
        ack.acknowledge();
        feed.add(ActivityEntry.of(record));
    }
}
