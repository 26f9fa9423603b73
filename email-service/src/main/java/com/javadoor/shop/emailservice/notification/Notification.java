package com.javadoor.shop.emailservice.notification;

import com.javadoor.shop.events.TimeOrderedUuid;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.springframework.data.domain.Persistable;

/**
 * A mail sent to a customer: to whom, about which state of which order, and when. Never changed once
 * written, which also spares Hibernate checking a poll's worth of them for changes at every flush. It
 * knows whether it is new, so that saving it is an INSERT without first looking for its id (which the
 * entity assigns itself).
 */
@Entity
@Immutable
@Table(name = "notification")
class Notification implements Persistable<UUID> {

    @Id
    private UUID id;
    private UUID orderId;
    private String about;
    private String recipient;
    private String subject;
    private Instant sentAt;
    @Transient
    private boolean stored;

    protected Notification() {
    }

    static Notification of(OrderMail mail, Instant at) {
        Notification notification = new Notification();
        notification.id = TimeOrderedUuid.next();
        notification.orderId = mail.orderId().value();
        notification.about = mail.about().typeName();
        notification.recipient = mail.recipient();
        notification.subject = mail.subject();
        notification.sentAt = at;
        return notification;
    }

    @Override
    public UUID getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return !stored;
    }

    @PostLoad
    @PostPersist
    void stored() {
        stored = true;
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
