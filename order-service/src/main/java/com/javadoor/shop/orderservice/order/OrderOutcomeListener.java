package com.javadoor.shop.orderservice.order;

import com.javadoor.shop.events.InventoryRejected;
import com.javadoor.shop.events.InventoryReleased;
import com.javadoor.shop.events.InventoryUpdated;
import com.javadoor.shop.events.PaymentCompleted;
import com.javadoor.shop.events.PaymentFailed;
import com.javadoor.shop.events.PaymentRefunded;
import com.javadoor.shop.events.ShopEvent;
import com.javadoor.shop.events.Topics;
import com.javadoor.shop.messaging.EventHandlers;
import com.javadoor.shop.messaging.EventInbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The saga's other half: payment and inventory report back here. The records of a poll are handled
 * together, each report once, in one transaction with its effect, however often Kafka delivers it.
 */
@Component
class OrderOutcomeListener {

    private final EventInbox inbox;
    private final EventHandlers handlers;

    OrderOutcomeListener(OrderManagement orders, EventInbox inbox) {
        this.inbox = inbox;
        this.handlers = EventHandlers.create()
                .on(PaymentCompleted.class, orders::on)
                .on(PaymentFailed.class, orders::on)
                .on(PaymentRefunded.class, orders::on)
                .on(InventoryUpdated.class, orders::on)
                .on(InventoryRejected.class, orders::on)
                .on(InventoryReleased.class, orders::on);
    }

    @KafkaListener(id = "order-outcomes", idIsGroup = false, topics = { Topics.PAYMENTS, Topics.INVENTORY },
            batch = "true")
    void on(List<ConsumerRecord<String, ShopEvent>> records) {
        inbox.handleEachOnce(records, handlers);
    }
}
