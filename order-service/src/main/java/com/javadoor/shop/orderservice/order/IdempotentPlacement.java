package com.javadoor.shop.orderservice.order;

import com.javadoor.shop.events.OrderId;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places an order at most once per {@code Idempotency-Key}: a client that lost the answer can retry
 * safely. The key is stored in the transaction that stores the order and its event, so a retry either
 * finds the first order or is the first try.
 */
@Service
class IdempotentPlacement {

    private record StoredKey(String requestHash, UUID orderId) {
    }

    private final OrderManagement orders;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    IdempotentPlacement(OrderManagement orders, JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock) {
        this.orders = orders;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    OrderView place(PlaceOrder command, String idempotencyKey) {
        if (idempotencyKey == null) {
            return OrderView.of(orders.place(command));
        }
        String fingerprint = command.fingerprint();
        try {
            return transaction.execute(status -> stored(idempotencyKey)
                    .map(key -> replay(key, fingerprint))
                    .orElseGet(() -> {
                        Order order = orders.place(command);
                        jdbc.update("INSERT INTO idempotency_key (idempotency_key, request_hash, order_id, created_at)"
                                + " VALUES (?, ?, ?, ?)", idempotencyKey, fingerprint, order.id().value(),
                                clock.instant().atOffset(ZoneOffset.UTC));
                        return OrderView.of(order);
                    }));
        }
        catch (DuplicateKeyException concurrentRetry) {
            // A retry that raced the first try lost the insert; the first try's order is the answer.
            return replay(stored(idempotencyKey).orElseThrow(), fingerprint);
        }
    }

    private OrderView replay(StoredKey key, String fingerprint) {
        if (!key.requestHash().equals(fingerprint)) {
            throw new IdempotencyKeyReusedException();
        }
        return orders.view(new OrderId(key.orderId()));
    }

    private Optional<StoredKey> stored(String idempotencyKey) {
        List<StoredKey> keys = jdbc.query("SELECT request_hash, order_id FROM idempotency_key WHERE idempotency_key = ?",
                (rs, row) -> new StoredKey(rs.getString(1), rs.getObject(2, UUID.class)), idempotencyKey);
        return keys.stream().findFirst();
    }
}
