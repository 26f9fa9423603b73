package com.javadoor.shop.insightsservice.activity;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The real feed, except that the first attempt to add one chosen event fails, as a bug or a full disk
 * would, after the listener has acknowledged it. It notes what the feed's consumer group had committed
 * at that moment, and how often the event was handed to it.
 */
class FailingOnceActivityFeed extends ActivityFeed {

    static final String GROUP = "insights-activity";

    private final Map<String, Object> adminConfig;
    private final AtomicInteger attempts = new AtomicInteger();
    private volatile UUID doomed;
    private volatile Map<TopicPartition, OffsetAndMetadata> committedWhenItFailed = Map.of();

    FailingOnceActivityFeed(Map<String, Object> adminConfig) {
        this.adminConfig = adminConfig;
    }

    void failOnce(UUID eventId) {
        attempts.set(0);
        doomed = eventId;
    }

    int attempts() {
        return attempts.get();
    }

    Map<TopicPartition, OffsetAndMetadata> committedWhenItFailed() {
        return committedWhenItFailed;
    }

    @Override
    void add(ActivityEntry entry) {
        if (entry.id().equals(doomed) && attempts.getAndIncrement() == 0) {
            committedWhenItFailed = committedOffsets(adminConfig);
            throw new IllegalStateException("Failing on purpose to show event " + entry.id());
        }
        super.add(entry);
    }

    static Map<TopicPartition, OffsetAndMetadata> committedOffsets(Map<String, Object> adminConfig) {
        try (Admin admin = Admin.create(adminConfig)) {
            return admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        }
        catch (Exception ex) {
            throw new IllegalStateException("Could not read the offsets of " + GROUP, ex);
        }
    }
}
