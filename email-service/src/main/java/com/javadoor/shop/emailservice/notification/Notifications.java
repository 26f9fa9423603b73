package com.javadoor.shop.emailservice.notification;

import com.javadoor.shop.events.OrderId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The mails sent, in the {@code notification} table, with plain SQL: a row is written once and never
 * changed, so there is nothing for an object-relational mapper to track. Under Hibernate the flush
 * before each mail checked every notification of the poll for changes, a third of the service's CPU
 * under load (docs/BENCHMARKS.md).
 */
@Repository
class Notifications {

    private static final String COLUMNS = "id, order_id, about, recipient, subject, sent_at";

    private final JdbcClient jdbc;

    Notifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Fails with a {@code DuplicateKeyException} when the order's customer was told of that state already. */
    void add(Notification notification) {
        jdbc.sql("INSERT INTO notification (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")
                .params(notification.id(), notification.orderId().value(), notification.about(),
                        notification.recipient(), notification.subject(),
                        notification.sentAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    boolean exists(OrderId orderId, String about) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE order_id = ? AND about = ?")
                .params(orderId.value(), about)
                .query(Long.class)
                .single() > 0;
    }

    /** A page of the mails sent, newest first; only those about {@code orderId} unless it is null. */
    NotificationPage newestFirst(OrderId orderId, int page, int size) {
        String where = orderId == null ? "" : " WHERE order_id = :order";
        UUID order = orderId == null ? null : orderId.value();
        List<Notification> content = jdbc
                .sql("SELECT " + COLUMNS + " FROM notification" + where + " ORDER BY sent_at DESC LIMIT :size OFFSET :skip")
                .param("order", order)
                .param("size", size)
                .param("skip", (long) page * size)
                .query(Notifications::notification)
                .list();
        long total = jdbc.sql("SELECT COUNT(*) FROM notification" + where).param("order", order).query(Long.class).single();
        return NotificationPage.of(content, page, size, total);
    }

    private static Notification notification(ResultSet row, int number) throws SQLException {
        return new Notification(row.getObject("id", UUID.class), new OrderId(row.getObject("order_id", UUID.class)),
                row.getString("about"), row.getString("recipient"), row.getString("subject"),
                row.getObject("sent_at", OffsetDateTime.class).toInstant());
    }
}
