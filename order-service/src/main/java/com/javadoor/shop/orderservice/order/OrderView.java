package com.javadoor.shop.orderservice.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order as the REST API shows it. */
record OrderView(String id, OrderStatus status, String customerId, String customerEmail, String currency,
        List<Item> items, BigDecimal total, String cancellationReason, Instant placedAt,
        List<HistoryEntry> history) {

    record Item(String productId, int quantity, BigDecimal unitPrice) {
    }

    static OrderView of(Order order) {
        return new OrderView(order.id().toString(), order.status(), order.customerId().value(),
                order.customerEmail(), order.total().currency().getCurrencyCode(),
                order.lines().stream()
                        .map(line -> new Item(line.productId().value(), line.quantity(), line.unitPrice().amount()))
                        .toList(),
                order.total().amount(), order.cancellationReason().orElse(null), order.placedAt(), order.history());
    }
}
