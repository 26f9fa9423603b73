package com.javadoor.shop.emailservice.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.javadoor.shop.events.CustomerId;
import com.javadoor.shop.events.Money;
import com.javadoor.shop.events.OrderConfirmed;
import com.javadoor.shop.events.OrderId;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.dao.DataIntegrityViolationException;

@DataJpaTest
class NotificationRepositoryTests {

    @Autowired
    NotificationRepository notifications;

    @Test
    void theDatabaseRefusesASecondNotificationAboutTheSameOrderState() {
        OrderMail mail = OrderMail.of(new OrderConfirmed(OrderId.random(), new CustomerId("alice"),
                "alice@example.com", Money.of("10.00", "EUR")));
        notifications.saveAndFlush(Notification.of(mail, Instant.now()));

        assertThat(notifications.existsByOrderIdAndAbout(mail.orderId().value(), "OrderConfirmed")).isTrue();
        assertThat(notifications.existsByOrderIdAndAbout(mail.orderId().value(), "OrderCancelled")).isFalse();
        assertThatExceptionOfType(DataIntegrityViolationException.class)
                .isThrownBy(() -> notifications.saveAndFlush(Notification.of(mail, Instant.now())));
    }
}
