package com.javadoor.shop.emailservice.notification;

import com.javadoor.shop.events.NotificationSent;
import com.javadoor.shop.events.OrderCancelled;
import com.javadoor.shop.events.OrderConfirmed;
import com.javadoor.shop.events.OrderPlaced;
import com.javadoor.shop.messaging.EventMetadata;
import com.javadoor.shop.messaging.EventPublisher;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mails the customer once for each state their order reaches, records the mail and announces it with
 * {@code NotificationSent}.
 *
 * <p>An SMTP server takes no part in a database transaction, so "exactly one mail" cannot be had
 * outright; this is how close it gets. The events of a poll are handled inside one {@code EventInbox}
 * transaction that also records their ids, and within it each notification row and outbox event is
 * written first; the mails are handed to the SMTP server last, just before that transaction commits.
 * <ul>
 * <li>A redelivered event is skipped by the inbox; a second event about the same order state under a
 * new id finds the notification row and is skipped here (the unique key on order and state guards the
 * same in the database).</li>
 * <li>A failed send (server away, mail refused) rolls the poll's rows, outbox events and processed ids
 * back; the inbox handles the events again one at a time, and the one whose mail fails is retried by
 * the shared error handler with back-off, and after the last retry parked on {@code orders.DLT}, to be
 * replayed once the server is back. The mails of the poll that the server did accept are not sent
 * again ({@link CustomerMailer}). No mail is lost silently and none is recorded that did not go out.</li>
 * <li>The residual window: the SMTP server accepted mails but the process died before the commit. The
 * events come again and those customers get that mail twice. Delivery of mail is therefore at least
 * once, with duplicates only in that window of milliseconds.</li>
 * </ul>
 * A mail outbox (record first, send later from a table) would move the window, not close it, at the
 * price of a second relay; sending at commit keeps the mail in step with the record.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
class OrderNotifier {

    private static final Logger log = LoggerFactory.getLogger(OrderNotifier.class);

    private final Notifications notifications;
    private final CustomerMailer mailer;
    private final EventPublisher events;
    private final Clock clock;

    OrderNotifier(Notifications notifications, CustomerMailer mailer, EventPublisher events, Clock clock) {
        this.notifications = notifications;
        this.mailer = mailer;
        this.events = events;
        this.clock = clock;
    }

    void on(OrderPlaced event, EventMetadata metadata) {
        notifyCustomer(OrderMail.of(event), metadata);
    }

    void on(OrderConfirmed event, EventMetadata metadata) {
        notifyCustomer(OrderMail.of(event), metadata);
    }

    void on(OrderCancelled event, EventMetadata metadata) {
        notifyCustomer(OrderMail.of(event), metadata);
    }

    private void notifyCustomer(OrderMail mail, EventMetadata cause) {
        if (notifications.exists(mail.orderId(), mail.about().typeName())) {
            log.info("Skipped {} {} of order {}: its mail was sent before", cause.type(), cause.id(), mail.orderId());
            return;
        }
        // Written now, so a violated unique key fails here, before the mail goes out, not at commit after it.
        notifications.add(Notification.of(mail, clock.instant()));
        events.publish(new NotificationSent(mail.orderId(), mail.recipient(), mail.about().typeName(),
                mail.subject()), cause);
        mailer.sendBeforeCommit(mail);
    }
}
