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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places orders and settles them from the outcomes. Every change of an order and the event it causes
 * commit together through the outbox.
 */
@Service
@Transactional
class OrderManagement {

    private final Orders orders;
    private final EventPublisher events;
    private final Clock clock;

    OrderManagement(Orders orders, EventPublisher events, Clock clock) {
        this.orders = orders;
        this.events = events;
        this.clock = clock;
    }

    Order place(PlaceOrder command) {
        Order order = Order.place(command.customerId(), command.customerEmail(), command.currency(), command.lines(),
                clock.instant());
        EventMetadata placed = events.publish(new OrderPlaced(order.id(), order.customerId(), order.customerEmail(),
                order.lines(), order.total()));
        order.announcedBy(placed.id());
        orders.add(order);
        return order;
    }

    /**
     * Cancels the pending orders placed before {@code cutoff}, oldest first, a bounded batch at a time.
     *
     * @return how many were cancelled
     */
    int cancelOverdue(Instant cutoff, Duration deadline) {
        List<Order> overdue = orders.pendingPlacedBefore(cutoff, 100);
        String reason = "No payment and stock outcome within " + deadline;
        overdue.forEach(order -> settle(order, order.expire(reason, clock.instant()), placement(order)));
        return overdue.size();
    }

    @Transactional(readOnly = true)
    OrderView view(OrderId id) {
        return OrderView.of(find(id));
    }

    @Transactional(readOnly = true)
    OrderPage newestFirst(int page, int size) {
        return OrderPage.of(orders.newestFirst(page, size), page, size, orders.count());
    }

    void on(PaymentCompleted event, EventMetadata metadata) {
        Order order = find(event.orderId());
        settle(order, order.paymentReported(true, metadata.type(), metadata.time(),
                event.amount().amount() + " " + event.amount().currency() + " charged"), metadata);
    }

    void on(PaymentFailed event, EventMetadata metadata) {
        Order order = find(event.orderId());
        settle(order, order.paymentReported(false, metadata.type(), metadata.time(), event.reason()),
                metadata);
    }

    void on(InventoryUpdated event, EventMetadata metadata) {
        Order order = find(event.orderId());
        settle(order, order.inventoryReported(true, metadata.type(), metadata.time(),
                event.reserved().size() + " line(s) reserved"), metadata);
    }

    void on(InventoryRejected event, EventMetadata metadata) {
        Order order = find(event.orderId());
        settle(order, order.inventoryReported(false, metadata.type(), metadata.time(), event.reason()),
                metadata);
    }

    void on(PaymentRefunded event, EventMetadata metadata) {
        Order order = find(event.orderId());
        order.compensated(metadata.type(), metadata.time(),
                event.amount().amount() + " " + event.amount().currency() + " refunded");
        orders.update(order);
    }

    void on(InventoryReleased event, EventMetadata metadata) {
        Order order = find(event.orderId());
        order.compensated(metadata.type(), metadata.time(), event.released().size() + " line(s) released");
        orders.update(order);
    }

    /** The OrderPlaced of an order, as the cause of what the order service decides about it on its own. */
    private EventMetadata placement(Order order) {
        UUID placed = order.placedEventId().orElseGet(UUID::randomUUID);
        return new EventMetadata(placed, "OrderPlaced", 1, "order-service", order.placedAt(), order.id().toString(),
                placed, null);
    }

    private Order find(OrderId id) {
        return orders.find(id).orElseThrow(() -> new OrderNotFoundException(id));
    }

    /** Stores what the order was told, and announces it when that settled it. */
    private void settle(Order order, Optional<OrderStatus> settled, EventMetadata cause) {
        orders.update(order);
        settled.ifPresent(status -> events.publish(switch (status) {
            case CONFIRMED -> new OrderConfirmed(order.id(), order.customerId(), order.customerEmail(), order.total());
            case CANCELLED -> new OrderCancelled(order.id(), order.customerId(), order.customerEmail(),
                    order.cancellationReason().orElseThrow());
            case PENDING -> throw new IllegalStateException("A settled order is not pending");
        }, cause));
    }
}
