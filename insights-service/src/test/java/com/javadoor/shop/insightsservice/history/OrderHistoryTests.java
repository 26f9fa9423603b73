package com.javadoor.shop.insightsservice.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.javadoor.shop.events.OrderId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderHistoryTests {

    private final OrderHistory history = new OrderHistory(new HistoryProperties(2));

    @Test
    void forgetsTheOrderThatCameFirstOnceMoreThanTheLimitCameAfterIt() {
        OrderId first = OrderId.random();
        OrderId second = OrderId.random();
        OrderId third = OrderId.random();
        history.add(first, entry(0));
        history.add(second, entry(0));
        // A later event of the first order does not make it newer: orders are kept by when they began.
        history.add(first, entry(1));
        history.add(third, entry(0));

        assertThat(history.of(first)).isEmpty();
        assertThat(history.of(second)).hasValueSatisfying(entries -> assertThat(entries).hasSize(1));
        assertThat(history.of(third)).hasValueSatisfying(entries -> assertThat(entries).hasSize(1));
    }

    @Test
    void keepsEveryEventOfTheOrdersItKeeps() {
        OrderId order = OrderId.random();
        history.add(order, entry(0));
        history.add(order, entry(1));
        history.add(OrderId.random(), entry(0));

        assertThat(history.of(order)).hasValueSatisfying(entries -> assertThat(entries).hasSize(2));
    }

    private static HistoryEntry entry(long offset) {
        return new HistoryEntry(UUID.randomUUID(), "Event", Instant.parse("2025-01-01T10:00:00Z").plusSeconds(offset),
                "test", "orders", 0, offset);
    }
}
