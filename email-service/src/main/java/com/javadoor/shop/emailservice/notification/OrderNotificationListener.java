package com.javadoor.shop.emailservice.notification;

import com.javadoor.shop.events.OrderCancelled;
import com.javadoor.shop.events.OrderConfirmed;
import com.javadoor.shop.events.OrderPlaced;
import com.javadoor.shop.events.ShopEvent;
import com.javadoor.shop.events.Topics;
import com.javadoor.shop.messaging.EventHandlers;
import com.javadoor.shop.messaging.EventInbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Every order event becomes one mail. The records of a poll are handled together, each event once, in
 * one transaction with their records, however often Kafka delivers them; a mail that cannot be sent
 * fails its record, which the shared error handler retries and finally dead-letters.
 */
@Component
class OrderNotificationListener {

    private final EventInbox inbox;
    private final EventHandlers handlers;

    OrderNotificationListener(OrderNotifier notifier, EventInbox inbox) {
        this.inbox = inbox;
        this.handlers = EventHandlers.create()
                .on(OrderPlaced.class, notifier::on)
                .on(OrderConfirmed.class, notifier::on)
                .on(OrderCancelled.class, notifier::on);
    }

    @KafkaListener(id = "order-notifications", idIsGroup = false, topics = Topics.ORDERS, batch = "true")
    void on(List<ConsumerRecord<String, ShopEvent>> records) {
        inbox.handleEachOnce(records, handlers);
    }
}
