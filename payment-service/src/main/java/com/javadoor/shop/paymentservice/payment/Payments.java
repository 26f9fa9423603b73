package com.javadoor.shop.paymentservice.payment;

import com.javadoor.shop.events.CustomerId;
import com.javadoor.shop.events.Money;
import com.javadoor.shop.events.OrderId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The payments, one row per order in the {@code payment} table, with plain SQL: each event reads or
 * writes one row, and an object-relational mapper's persistence context and flushes cost more than that
 * work (docs/BENCHMARKS.md). The unique constraint on the order id stops a second payment of an order,
 * whichever event tries it.
 */
@Repository
class Payments {

    private static final String COLUMNS = """
            order_id, customer_id, currency, amount, status, reason, processed_at, refunded_at, version""";

    private final JdbcClient jdbc;

    Payments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Fails with a {@code DuplicateKeyException} when the order has a payment already. */
    void add(Payment payment) {
        jdbc.sql("INSERT INTO payment (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(payment.orderId().value(), payment.customerId().value(),
                        payment.amount().currency().getCurrencyCode(), payment.amount().amount(),
                        payment.status().name(), payment.reason(), utc(payment.processedAt()),
                        utc(payment.refundedAt()), payment.version())
                .update();
    }

    Optional<Payment> ofOrder(OrderId orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment WHERE order_id = ?")
                .param(orderId.value())
                .query(Payments::payment)
                .optional();
    }

    /** Stores a changed payment, unless it was changed by someone else since it was read. */
    void update(Payment payment) {
        int updated = jdbc.sql("""
                UPDATE payment SET status = ?, refunded_at = ?, version = version + 1
                WHERE order_id = ? AND version = ?""")
                .params(payment.status().name(), utc(payment.refundedAt()), payment.orderId().value(),
                        payment.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("The payment of order " + payment.orderId()
                    + " was changed since it was read");
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static Payment payment(ResultSet row, int number) throws SQLException {
        return new Payment(new OrderId(row.getObject("order_id", UUID.class)),
                new CustomerId(row.getString("customer_id")),
                new Money(row.getBigDecimal("amount"), Currency.getInstance(row.getString("currency"))),
                PaymentStatus.valueOf(row.getString("status")), row.getString("reason"),
                instant(row, "processed_at"), instant(row, "refunded_at"), row.getLong("version"));
    }
}
