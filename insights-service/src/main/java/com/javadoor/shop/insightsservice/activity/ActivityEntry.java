package com.javadoor.shop.insightsservice.activity;

import com.javadoor.shop.events.OrderId;
import com.javadoor.shop.events.ShopEvent;
import com.javadoor.shop.messaging.EventMetadata;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** One line of the feed: what happened to which order, when, and which service said so. */
record ActivityEntry(UUID id, String type, OrderId orderId, Instant time, String source) {

    static ActivityEntry of(ConsumerRecord<String, ShopEvent> record) {
        EventMetadata metadata = EventMetadata.from(record.headers());
        return new ActivityEntry(metadata.id(), metadata.type(), record.value().orderId(), metadata.time(),
                metadata.source());
    }
}
