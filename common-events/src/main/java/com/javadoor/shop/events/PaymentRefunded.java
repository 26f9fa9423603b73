package com.javadoor.shop.events;

import java.util.Objects;

/** A charge was given back because its order was cancelled. */
public record PaymentRefunded(OrderId orderId, CustomerId customerId, Money amount, Money balanceAfter)
        implements PaymentEvent {

    public PaymentRefunded {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(balanceAfter, "balanceAfter");
    }
}
