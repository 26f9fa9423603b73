package com.javadoor.shop.emailservice.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.javadoor.shop.events.CustomerId;
import com.javadoor.shop.events.Money;
import com.javadoor.shop.events.OrderConfirmed;
import com.javadoor.shop.events.OrderId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;

@JdbcTest
@Import(Notifications.class)
class NotificationsTests {

    @Autowired
    Notifications notifications;

    @Test
    void theDatabaseRefusesASecondNotificationAboutTheSameOrderState() {
        OrderMail mail = confirmation(OrderId.random());
        notifications.add(Notification.of(mail, Instant.now()));

        assertThat(notifications.exists(mail.orderId(), "OrderConfirmed")).isTrue();
        assertThat(notifications.exists(mail.orderId(), "OrderCancelled")).isFalse();
        assertThatExceptionOfType(DuplicateKeyException.class)
                .isThrownBy(() -> notifications.add(Notification.of(mail, Instant.now())));
    }

    @Test
    void readsBackWhatWasWrittenNewestFirst() {
        Instant earlier = Instant.parse("2026-12-01T10:00:00.123Z");
        Notification first = Notification.of(confirmation(OrderId.random()), earlier);
        Notification second = Notification.of(confirmation(OrderId.random()), earlier.plus(1, ChronoUnit.MINUTES));
        notifications.add(first);
        notifications.add(second);

        assertThat(notifications.newestFirst(null, 0, 10).content())
                .containsExactly(NotificationView.of(second), NotificationView.of(first));
        assertThat(notifications.newestFirst(first.orderId(), 0, 10).content())
                .containsExactly(NotificationView.of(first));
        assertThat(notifications.newestFirst(null, 1, 1))
                .isEqualTo(new NotificationPage(List.of(NotificationView.of(first)), 1, 1, 2, 2));
    }

    private static OrderMail confirmation(OrderId order) {
        return OrderMail.of(new OrderConfirmed(order, new CustomerId("alice"), "alice@example.com",
                Money.of("10.00", "EUR")));
    }
}
