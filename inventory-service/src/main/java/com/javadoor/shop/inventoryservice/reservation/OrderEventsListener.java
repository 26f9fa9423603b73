package com.javadoor.shop.inventoryservice.reservation;

import com.javadoor.shop.events.OrderCancelled;
import com.javadoor.shop.events.OrderEvent;
import com.javadoor.shop.events.OrderPlaced;
import com.javadoor.shop.events.Topics;
import com.javadoor.shop.messaging.EventHandlers;
import com.javadoor.shop.messaging.EventInbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reserves stock for placed orders and releases it for cancelled ones. The records of a poll are handled
 * together, each event once, in one transaction with its effect, however often Kafka delivers it.
 * {@code OrderConfirmed} needs nothing: the order's units stay reserved, and for a confirmed order
 * reserved means sold.
 */
@Component
class OrderEventsListener {

    private final EventInbox inbox;
    private final EventHandlers handlers;

    OrderEventsListener(ReservationManagement reservations, EventInbox inbox) {
        this.inbox = inbox;
        this.handlers = EventHandlers.create()
                .on(OrderPlaced.class, reservations::on)
                .on(OrderCancelled.class, reservations::on);
    }

    @KafkaListener(id = "inventory-reservations", idIsGroup = false, topics = Topics.ORDERS, batch = "true")
    void on(List<ConsumerRecord<String, OrderEvent>> records) {
        inbox.handleEachOnce(records, handlers);
    }
}
