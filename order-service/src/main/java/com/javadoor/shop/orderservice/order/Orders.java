package com.javadoor.shop.orderservice.order;

import com.javadoor.shop.events.OrderId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The orders with their lines and history, in the {@code orders}, {@code order_line} and
 * {@code order_history} tables, with plain SQL. Each event reads one order and writes it back with a
 * line or two of history; an object-relational mapper's persistence context and flushes cost more than
 * that work (docs/BENCHMARKS.md). History is only ever appended: storing an order inserts the entries
 * added since it was read.
 *
 * <p>Within a transaction each order is read once: the outcome listener handles a poll's records in one
 * transaction, and an order's payment and stock outcomes often come in the same poll, so the second finds
 * the order as the first left it instead of reading its row, lines and history again. Every change is
 * written at once, as before, so what is remembered is always what the database holds for this
 * transaction; it is forgotten when the transaction ends, committed or not.
 */
@Repository
class Orders {

    private static final String COLUMNS = """
            id, customer_id, customer_email, currency, total, status, payment, inventory, cancellation_reason,
            placed_at, placed_event_id, version""";

    private final JdbcClient jdbc;

    Orders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Order order) {
        jdbc.sql("INSERT INTO orders (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(order.id().value(), order.customerId().value(), order.customerEmail(),
                        order.total().currency().getCurrencyCode(), order.total().amount(), order.status().name(),
                        order.payment().name(), order.inventory().name(), order.cancellationReason().orElse(null),
                        utc(order.placedAt()), order.placedEventId().orElse(null), order.version())
                .update();
        List<OrderLineItem> lines = order.lineItems();
        for (int position = 0; position < lines.size(); position++) {
            OrderLineItem line = lines.get(position);
            jdbc.sql("INSERT INTO order_line (order_id, position, product_id, quantity, unit_price) VALUES (?, ?, ?, ?, ?)")
                    .params(order.id().value(), position, line.productId(), line.quantity(), line.unitPrice())
                    .update();
        }
        addHistory(order);
        order.markStored(order.version());
    }

    /** Stores what changed, unless someone else stored the order since it was read. */
    void update(Order order) {
        int updated = jdbc.sql("""
                UPDATE orders SET status = ?, payment = ?, inventory = ?, cancellation_reason = ?, version = version + 1
                WHERE id = ? AND version = ?""")
                .params(order.status().name(), order.payment().name(), order.inventory().name(),
                        order.cancellationReason().orElse(null), order.id().value(), order.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("Order " + order.id() + " was changed since it was read");
        }
        addHistory(order);
        order.markStored(order.version() + 1);
    }

    Optional<Order> find(OrderId id) {
        Order known = OrdersInTransaction.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Order> found = withLinesAndHistory(jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE id = ?")
                .param(id.value())
                .query(Orders::row)
                .list()).stream().findFirst();
        found.ifPresent(OrdersInTransaction::remember);
        return found;
    }

    List<Order> newestFirst(int page, int size) {
        return withLinesAndHistory(jdbc.sql("SELECT " + COLUMNS + " FROM orders ORDER BY placed_at DESC LIMIT ? OFFSET ?")
                .params(size, (long) page * size)
                .query(Orders::row)
                .list());
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM orders").query(Long.class).single();
    }

    long countPending() {
        return jdbc.sql("SELECT COUNT(*) FROM orders WHERE status = 'PENDING'").query(Long.class).single();
    }

    /** The pending orders placed before {@code cutoff}, oldest first, {@code limit} at most. */
    List<Order> pendingPlacedBefore(Instant cutoff, int limit) {
        return withLinesAndHistory(jdbc.sql("SELECT " + COLUMNS
                + " FROM orders WHERE status = 'PENDING' AND placed_at < ? ORDER BY placed_at LIMIT ?")
                .params(utc(cutoff), limit)
                .query(Orders::row)
                .list());
    }

    private void addHistory(Order order) {
        int position = order.storedHistory();
        for (HistoryEntry entry : order.unstoredHistory()) {
            jdbc.sql("INSERT INTO order_history (order_id, position, event_type, occurred_at, detail) VALUES (?, ?, ?, ?, ?)")
                    .params(order.id().value(), position++, entry.event(), utc(entry.at()), entry.detail())
                    .update();
        }
    }

    /** The rows of the orders table, completed with their lines and history: three queries for any number. */
    private List<Order> withLinesAndHistory(List<OrderRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(OrderRow::id).toList();
        Map<UUID, List<OrderLineItem>> lines = new HashMap<>();
        jdbc.sql("SELECT order_id, product_id, quantity, unit_price FROM order_line WHERE order_id IN (:ids)"
                + " ORDER BY order_id, position")
                .param("ids", ids)
                .query(row -> {
                    lines.computeIfAbsent(row.getObject("order_id", UUID.class), id -> new ArrayList<>())
                            .add(new OrderLineItem(row.getString("product_id"), row.getInt("quantity"),
                                    row.getBigDecimal("unit_price")));
                });
        Map<UUID, List<HistoryEntry>> history = new HashMap<>();
        jdbc.sql("SELECT order_id, event_type, occurred_at, detail FROM order_history WHERE order_id IN (:ids)"
                + " ORDER BY order_id, position")
                .param("ids", ids)
                .query(row -> {
                    history.computeIfAbsent(row.getObject("order_id", UUID.class), id -> new ArrayList<>())
                            .add(new HistoryEntry(row.getString("event_type"), instant(row, "occurred_at"),
                                    row.getString("detail")));
                });
        return rows.stream()
                .map(row -> row.toOrder(lines.getOrDefault(row.id(), List.of()), history.getOrDefault(row.id(), List.of())))
                .toList();
    }

    private record OrderRow(UUID id, String customerId, String customerEmail, Currency currency,
            BigDecimal total, OrderStatus status, StepOutcome payment, StepOutcome inventory,
            String cancellationReason, Instant placedAt, UUID placedEventId, long version) {

        Order toOrder(List<OrderLineItem> lines, List<HistoryEntry> history) {
            return Order.restored(id, customerId, customerEmail, currency, total, status, payment, inventory,
                    cancellationReason, placedAt, placedEventId, version, lines, history);
        }
    }

    private static OrderRow row(ResultSet row, int number) throws SQLException {
        return new OrderRow(row.getObject("id", UUID.class), row.getString("customer_id"),
                row.getString("customer_email"), Currency.getInstance(row.getString("currency")),
                row.getBigDecimal("total"), OrderStatus.valueOf(row.getString("status")),
                StepOutcome.valueOf(row.getString("payment")), StepOutcome.valueOf(row.getString("inventory")),
                row.getString("cancellation_reason"), instant(row, "placed_at"),
                row.getObject("placed_event_id", UUID.class), row.getLong("version"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
