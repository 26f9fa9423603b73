package com.javadoor.shop.emailservice.notification;

import java.util.List;
import org.springframework.data.domain.Page;

/** One page of sent mails, newest first, with what a client needs to fetch the next. */
record NotificationPage(List<NotificationView> content, int page, int size, long totalElements, int totalPages) {

    static NotificationPage of(Page<Notification> notifications) {
        return new NotificationPage(notifications.map(NotificationView::of).getContent(), notifications.getNumber(),
                notifications.getSize(), notifications.getTotalElements(), notifications.getTotalPages());
    }
}
