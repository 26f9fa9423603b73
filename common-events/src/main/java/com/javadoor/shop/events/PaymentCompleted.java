package com.javadoor.shop.events;

import java.util.Objects;

/** The order's total was charged to the customer's account. */
public record PaymentCompleted(OrderId orderId, CustomerId customerId, Money amount, Money balanceAfter)
        implements PaymentEvent {

    public PaymentCompleted {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(balanceAfter, "balanceAfter");
    }
}
