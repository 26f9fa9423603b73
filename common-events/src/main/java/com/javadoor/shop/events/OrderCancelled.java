package com.javadoor.shop.events;

import java.util.Objects;

/**
 * The order is final and will not be shipped. Payment and Inventory undo their part, if they did one:
 * this event is the compensation signal of the saga.
 */
public record OrderCancelled(OrderId orderId, CustomerId customerId, String customerEmail, String reason)
        implements OrderEvent {

    public OrderCancelled {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(customerEmail, "customerEmail");
        Objects.requireNonNull(reason, "reason");
    }
}
