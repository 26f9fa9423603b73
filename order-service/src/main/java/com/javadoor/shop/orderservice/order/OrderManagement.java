package com.javadoor.shop.orderservice.order;

import com.javadoor.shop.events.InventoryRejected;
import com.javadoor.shop.events.InventoryReleased;
import com.javadoor.shop.events.InventoryUpdated;
import com.javadoor.shop.events.OrderCancelled;
import com.javadoor.shop.events.OrderConfirmed;
import com.javadoor.shop.events.OrderId;
import com.javadoor.shop.events.OrderPlaced;
import com.javadoor.shop.events.PaymentCompleted;
import com.javadoor.shop.events.PaymentFailed;
import com.javadoor.shop.events.PaymentRefunded;
import com.javadoor.shop.messaging.EventMetadata;
import com.javadoor.shop.messaging.EventPublisher;
import java.time.Clock;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places orders and settles them from the outcomes. Every change of an order and the event it causes
 * commit together through the outbox.
 */
@Service
@Transactional
class OrderManagement {

    private final OrderRepository orders;
    private final EventPublisher events;
    private final Clock clock;

    OrderManagement(OrderRepository orders, EventPublisher events, Clock clock) {
        this.orders = orders;
        this.events = events;
        this.clock = clock;
    }

    Order place(PlaceOrder command) {
        Order order = orders.save(Order.place(command.customerId(), command.customerEmail(), command.currency(),
                command.lines(), clock.instant()));
        events.publish(new OrderPlaced(order.id(), order.customerId(), order.customerEmail(), order.lines(),
                order.total()));
        return order;
    }

    @Transactional(readOnly = true)
    OrderView view(OrderId id) {
        return OrderView.of(find(id));
    }

    @Transactional(readOnly = true)
    OrderPage newestFirst(int page, int size) {
        return OrderPage.of(orders.findAllByOrderByPlacedAtDesc(PageRequest.of(page, size)));
    }

    void on(PaymentCompleted event, EventMetadata metadata) {
        Order order = find(event.orderId());
        publishIfSettled(order, order.paymentReported(true, metadata.type(), metadata.time(),
                event.amount().amount() + " " + event.amount().currency() + " charged"), metadata);
    }

    void on(PaymentFailed event, EventMetadata metadata) {
        Order order = find(event.orderId());
        publishIfSettled(order, order.paymentReported(false, metadata.type(), metadata.time(), event.reason()),
                metadata);
    }

    void on(InventoryUpdated event, EventMetadata metadata) {
        Order order = find(event.orderId());
        publishIfSettled(order, order.inventoryReported(true, metadata.type(), metadata.time(),
                event.reserved().size() + " line(s) reserved"), metadata);
    }

    void on(InventoryRejected event, EventMetadata metadata) {
        Order order = find(event.orderId());
        publishIfSettled(order, order.inventoryReported(false, metadata.type(), metadata.time(), event.reason()),
                metadata);
    }

    void on(PaymentRefunded event, EventMetadata metadata) {
        find(event.orderId()).compensated(metadata.type(), metadata.time(),
                event.amount().amount() + " " + event.amount().currency() + " refunded");
    }

    void on(InventoryReleased event, EventMetadata metadata) {
        find(event.orderId()).compensated(metadata.type(), metadata.time(),
                event.released().size() + " line(s) released");
    }

    private Order find(OrderId id) {
        return orders.findById(id.value()).orElseThrow(() -> new OrderNotFoundException(id));
    }

    private void publishIfSettled(Order order, Optional<OrderStatus> settled, EventMetadata cause) {
        settled.ifPresent(status -> events.publish(switch (status) {
            case CONFIRMED -> new OrderConfirmed(order.id(), order.customerId(), order.customerEmail(), order.total());
            case CANCELLED -> new OrderCancelled(order.id(), order.customerId(), order.customerEmail(),
                    order.cancellationReason().orElseThrow());
            case PENDING -> throw new IllegalStateException("A settled order is not pending");
        }, cause));
    }
}
