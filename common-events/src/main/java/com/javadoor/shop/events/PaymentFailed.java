package com.javadoor.shop.events;

import java.util.Objects;

/** The order's total could not be charged; nothing was taken from the account. */
public record PaymentFailed(OrderId orderId, CustomerId customerId, Money amount, String reason)
        implements PaymentEvent {

    public PaymentFailed {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(reason, "reason");
    }
}
