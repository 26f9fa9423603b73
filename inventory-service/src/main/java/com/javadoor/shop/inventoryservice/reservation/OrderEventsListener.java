package com.javadoor.shop.inventoryservice.reservation;

import com.javadoor.shop.events.OrderCancelled;
import com.javadoor.shop.events.OrderPlaced;
import com.javadoor.shop.events.Topics;
import com.javadoor.shop.messaging.EventInbox;
import com.javadoor.shop.messaging.EventMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reserves stock for placed orders and releases it for cancelled ones; each order event is handled once,
 * in one transaction with its effect, however often Kafka delivers it.
 */
@Component
@KafkaListener(id = "inventory-reservations", idIsGroup = false, topics = Topics.ORDERS)
class OrderEventsListener {

    private static final Logger log = LoggerFactory.getLogger(OrderEventsListener.class);

    private final ReservationManagement reservations;
    private final EventInbox inbox;

    OrderEventsListener(ReservationManagement reservations, EventInbox inbox) {
        this.reservations = reservations;
        this.inbox = inbox;
    }

    @KafkaHandler
    void on(OrderPlaced event, EventMetadata metadata) {
        inbox.handleOnce(metadata, () -> reservations.on(event, metadata));
    }

    @KafkaHandler
    void on(OrderCancelled event, EventMetadata metadata) {
        inbox.handleOnce(metadata, () -> reservations.on(event, metadata));
    }

    /**
     * {@code OrderConfirmed} needs nothing: the order's units stay reserved, and for a confirmed order
     * reserved means sold.
     */
    @KafkaHandler(isDefault = true)
    void ignore(Object event) {
        log.debug("Nothing to do for {}", event.getClass().getSimpleName());
    }
}
