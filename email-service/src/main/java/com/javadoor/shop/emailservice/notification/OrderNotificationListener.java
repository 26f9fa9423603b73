package com.javadoor.shop.emailservice.notification;

import com.javadoor.shop.events.OrderCancelled;
import com.javadoor.shop.events.OrderConfirmed;
import com.javadoor.shop.events.OrderPlaced;
import com.javadoor.shop.events.Topics;
import com.javadoor.shop.messaging.EventInbox;
import com.javadoor.shop.messaging.EventMetadata;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Every order event becomes one mail. Each is handled once, in one transaction with its record,
 * however often Kafka delivers it; a mail that cannot be sent fails the record, which the shared error
 * handler retries and finally dead-letters.
 */
@Component
@KafkaListener(id = "order-notifications", idIsGroup = false, topics = Topics.ORDERS)
class OrderNotificationListener {

    private final OrderNotifier notifier;
    private final EventInbox inbox;

    OrderNotificationListener(OrderNotifier notifier, EventInbox inbox) {
        this.notifier = notifier;
        this.inbox = inbox;
    }

    @KafkaHandler
    void on(OrderPlaced event, EventMetadata metadata) {
        inbox.handleOnce(metadata, () -> notifier.on(event, metadata));
    }

    @KafkaHandler
    void on(OrderConfirmed event, EventMetadata metadata) {
        inbox.handleOnce(metadata, () -> notifier.on(event, metadata));
    }

    @KafkaHandler
    void on(OrderCancelled event, EventMetadata metadata) {
        inbox.handleOnce(metadata, () -> notifier.on(event, metadata));
    }
}
