package com.javadoor.shop.paymentservice.payment;

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
 * Payment's part of the saga: a placed order is charged, a cancelled one refunded. The records of a poll
 * are handled together, each event once, in one transaction with its effect, however often Kafka
 * delivers it. {@code OrderConfirmed} needs nothing: the money was taken when the order was placed.
 */
@Component
class OrderEventsListener {

    private final EventInbox inbox;
    private final EventHandlers handlers;

    OrderEventsListener(PaymentProcessing payments, EventInbox inbox) {
        this.inbox = inbox;
        this.handlers = EventHandlers.create()
                .on(OrderPlaced.class, payments::on)
                .on(OrderCancelled.class, payments::on);
    }

    @KafkaListener(id = "order-payments", idIsGroup = false, topics = Topics.ORDERS, batch = "true")
    void on(List<ConsumerRecord<String, OrderEvent>> records) {
        inbox.handleEachOnce(records, handlers);
    }
}
