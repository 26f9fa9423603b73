package com.javadoor.shop.events;

import java.util.Objects;

/** An e-mail about the order went out; {@code about} names the event it tells the customer of. */
public record NotificationSent(OrderId orderId, String recipient, String about, String subject)
        implements NotificationEvent {

    public NotificationSent {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(about, "about");
        Objects.requireNonNull(subject, "subject");
    }
}
