package com.javadoor.shop.emailservice.notification;

import java.time.Instant;

/** A sent mail as the REST API shows it. */
record NotificationView(String id, String orderId, String about, String recipient, String subject, Instant sentAt) {

    static NotificationView of(Notification notification) {
        return new NotificationView(notification.id().toString(), notification.orderId().toString(),
                notification.about(), notification.recipient(), notification.subject(), notification.sentAt());
    }
}
