package com.javadoor.shop.events;

import java.util.Objects;

/** Payment and stock are both secured: the order is final and will be shipped. */
public record OrderConfirmed(OrderId orderId, CustomerId customerId, String customerEmail, Money total)
        implements OrderEvent {

    public OrderConfirmed {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(customerEmail, "customerEmail");
        Objects.requireNonNull(total, "total");
    }
}
