package com.javadoor.shop.events;

import java.util.List;
import java.util.Objects;

/** A customer placed an order; Payment, Inventory and Email react to it, each on its own. */
public record OrderPlaced(OrderId orderId, CustomerId customerId, String customerEmail, List<OrderLine> lines,
        Money total) implements OrderEvent {

    public OrderPlaced {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(customerEmail, "customerEmail");
        Objects.requireNonNull(total, "total");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order has at least one line");
        }
    }
}
