package com.javadoor.shop.paymentservice.payment;

import com.javadoor.shop.events.OrderCancelled;
import com.javadoor.shop.events.OrderEvent;
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
 * Payment's part of the saga: a placed order is charged, a cancelled one refunded. Each event is handled
 * once, in one transaction with its effect, however often Kafka delivers it.
 */
@Component
@KafkaListener(id = "order-payments", idIsGroup = false, topics = Topics.ORDERS)
class OrderEventsListener {

    private static final Logger log = LoggerFactory.getLogger(OrderEventsListener.class);

    private final PaymentProcessing payments;
    private final EventInbox inbox;

    OrderEventsListener(PaymentProcessing payments, EventInbox inbox) {
        this.payments = payments;
        this.inbox = inbox;
    }

    @KafkaHandler
    void on(OrderPlaced event, EventMetadata metadata) {
        inbox.handleOnce(metadata, () -> payments.on(event, metadata));
    }

    @KafkaHandler
    void on(OrderCancelled event, EventMetadata metadata) {
        inbox.handleOnce(metadata, () -> payments.on(event, metadata));
    }

    /** OrderConfirmed: the money was taken when the order was placed, a confirmation changes nothing. */
    @KafkaHandler(isDefault = true)
    void ignore(OrderEvent event, EventMetadata metadata) {
        log.debug("Nothing to do on {} {} for order {}", metadata.type(), metadata.id(), event.orderId());
    }
}
