package com.javadoor.shop.orderservice.order;

import com.javadoor.shop.events.InventoryRejected;
import com.javadoor.shop.events.InventoryReleased;
import com.javadoor.shop.events.InventoryUpdated;
import com.javadoor.shop.events.PaymentCompleted;
import com.javadoor.shop.events.PaymentFailed;
import com.javadoor.shop.events.PaymentRefunded;
import com.javadoor.shop.events.Topics;
import com.javadoor.shop.messaging.EventInbox;
import com.javadoor.shop.messaging.EventMetadata;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The saga's other half: payment and inventory report back here, and each report is handled once, in
 * one transaction with its effect, however often Kafka delivers it.
 */
@Component
@KafkaListener(id = "order-outcomes", idIsGroup = false, topics = { Topics.PAYMENTS, Topics.INVENTORY })
class OrderOutcomeListener {

    private final OrderManagement orders;
    private final EventInbox inbox;

    OrderOutcomeListener(OrderManagement orders, EventInbox inbox) {
        this.orders = orders;
        this.inbox = inbox;
    }

    @KafkaHandler
    void on(PaymentCompleted event, EventMetadata metadata) {
        inbox.handleOnce(metadata, () -> orders.on(event, metadata));
    }

    @KafkaHandler
    void on(PaymentFailed event, EventMetadata metadata) {
        inbox.handleOnce(metadata, () -> orders.on(event, metadata));
    }

    @KafkaHandler
    void on(PaymentRefunded event, EventMetadata metadata) {
        inbox.handleOnce(metadata, () -> orders.on(event, metadata));
    }

    @KafkaHandler
    void on(InventoryUpdated event, EventMetadata metadata) {
        inbox.handleOnce(metadata, () -> orders.on(event, metadata));
    }

    @KafkaHandler
    void on(InventoryRejected event, EventMetadata metadata) {
        inbox.handleOnce(metadata, () -> orders.on(event, metadata));
    }

    @KafkaHandler
    void on(InventoryReleased event, EventMetadata metadata) {
        inbox.handleOnce(metadata, () -> orders.on(event, metadata));
    }
}
