package com.javadoor.shop.emailservice.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * A mail sent to a customer: to whom, about which state of which order, and when. Never changed once
 * written, which also spares Hibernate checking a poll's worth of them for changes at every flush.
 */
@Entity
@Immutable
@Table(name = "notification")
class Notification {

    @Id
    private UUID id;
    private UUID orderId;
    private String about;
    private String recipient;
    private String subject;
    private Instant sentAt;

    protected Notification() {
    }

    static Notification of(OrderMail mail, Instant at) {
        Notification notification = new Notification();
        notification.id = UUID.randomUUID();
        notification.orderId = mail.orderId().value();
        notification.about = mail.about().typeName();
        notification.recipient = mail.recipient();
        notification.subject = mail.subject();
        notification.sentAt = at;
        return notification;
    }

    UUID id() {
        return id;
    }

    UUID orderId() {
        return orderId;
    }

    String about() {
        return about;
    }

    String recipient() {
        return recipient;
    }

    String subject() {
        return subject;
    }

    Instant sentAt() {
        return sentAt;
    }
}
