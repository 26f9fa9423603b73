package com.javadoor.shop.emailservice.notification;

import java.util.List;

/** One page of sent mails, newest first, with what a client needs to fetch the next. */
record NotificationPage(List<NotificationView> content, int page, int size, long totalElements, int totalPages) {

    static NotificationPage of(List<Notification> content, int page, int size, long totalElements) {
        return new NotificationPage(content.stream().map(NotificationView::of).toList(), page, size, totalElements,
                (int) ((totalElements + size - 1) / size));
    }
}
