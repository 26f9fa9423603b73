package com.javadoor.shop.insightsservice.sales;

import com.javadoor.shop.events.OrderLine;
import java.util.List;

/**
 * What the topology remembers of one order: its lines until the order is settled, then only that it
 * is, so that a second {@code OrderConfirmed} (a producer's retry, a replayed outbox) is not counted.
 */
record TrackedOrder(List<OrderLine> lines, boolean settled) {

    static final TrackedOrder SETTLED = new TrackedOrder(List.of(), true);

    TrackedOrder {
        lines = List.copyOf(lines);
    }

    static TrackedOrder placed(List<OrderLine> lines) {
        return new TrackedOrder(lines, false);
    }
}
