package com.javadoor.shop.inventoryservice.reservation;

import com.javadoor.shop.events.OrderId;
import com.javadoor.shop.events.ProductId;
import com.javadoor.shop.inventoryservice.product.ProductQuantity;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The reservations, one per order, with their lines, in the {@code reservation} and
 * {@code reservation_line} tables, with plain SQL (docs/BENCHMARKS.md: an object-relational mapper cost
 * more than the work of each event). The unique constraint on the order id stops a second reservation
 * of an order, whichever event tries it.
 */
@Repository
class Reservations {

    private final JdbcClient jdbc;

    Reservations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Fails with a {@code DuplicateKeyException} when the order has a reservation already. */
    void add(Reservation reservation) {
        KeyHolder id = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO reservation (order_id, status, reason, created_at, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(reservation.orderId().value(), reservation.status().name(), reservation.reason(),
                        utc(reservation.createdAt()), utc(reservation.updatedAt()), reservation.version())
                .update(id, "id");
        List<ProductQuantity> lines = reservation.lines();
        for (int position = 0; position < lines.size(); position++) {
            jdbc.sql("INSERT INTO reservation_line (reservation_id, position, product_id, quantity) VALUES (?, ?, ?, ?)")
                    .params(id.getKey(), position, lines.get(position).productId().value(), lines.get(position).quantity())
                    .update();
        }
    }

    boolean exists(OrderId orderId) {
        return jdbc.sql("SELECT COUNT(*) FROM reservation WHERE order_id = ?")
                .param(orderId.value())
                .query(Long.class)
                .single() > 0;
    }

    Optional<Reservation> ofOrder(OrderId orderId) {
        List<Row> rows = jdbc.sql("""
                SELECT r.status, r.reason, r.created_at, r.updated_at, r.version, l.product_id, l.quantity
                FROM reservation r JOIN reservation_line l ON l.reservation_id = r.id
                WHERE r.order_id = ? ORDER BY l.position""")
                .param(orderId.value())
                .query(Reservations::row)
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<ProductQuantity> lines = new ArrayList<>(rows.size());
        rows.forEach(row -> lines.add(row.line()));
        Row first = rows.get(0);
        return Optional.of(new Reservation(orderId, first.status(), lines, first.reason(), first.createdAt(),
                first.updatedAt(), first.version()));
    }

    /** Stores a changed reservation, unless it was changed by someone else since it was read. */
    void update(Reservation reservation) {
        int updated = jdbc.sql("""
                UPDATE reservation SET status = ?, reason = ?, updated_at = ?, version = version + 1
                WHERE order_id = ? AND version = ?""")
                .params(reservation.status().name(), reservation.reason(), utc(reservation.updatedAt()),
                        reservation.orderId().value(), reservation.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("The reservation of order " + reservation.orderId()
                    + " was changed since it was read");
        }
    }

    /** One line of a reservation, with the reservation's own columns beside it. */
    private record Row(ReservationStatus status, String reason, Instant createdAt, Instant updatedAt, long version,
            ProductQuantity line) {
    }

    private static Row row(ResultSet row, int number) throws SQLException {
        return new Row(ReservationStatus.valueOf(row.getString("status")), row.getString("reason"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                row.getObject("updated_at", OffsetDateTime.class).toInstant(), row.getLong("version"),
                new ProductQuantity(new ProductId(row.getString("product_id")), row.getInt("quantity")));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
