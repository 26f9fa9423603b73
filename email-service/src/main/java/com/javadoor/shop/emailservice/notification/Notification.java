package com.javadoor.shop.emailservice.notification;

import com.javadoor.shop.events.OrderId;
import com.javadoor.shop.events.TimeOrderedUuid;
import java.time.Instant;
import java.util.UUID;

/**
 * A mail sent to a customer: to whom, about which state of which order, and when. Never changed once
 * written.
 *
 * @param about the type name of the order event the mail told of; one mail per order and type
 */
record Notification(UUID id, OrderId orderId, String about, String recipient, String subject, Instant sentAt) {

    static Notification of(OrderMail mail, Instant at) {
        return new Notification(TimeOrderedUuid.next(), mail.orderId(), mail.about().typeName(), mail.recipient(),
                mail.subject(), at);
    }
}
