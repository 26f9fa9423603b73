package com.javadoor.shop.events;

import java.util.Objects;

/** Not enough stock for one of the order's lines; nothing was reserved for the order. */
public record InventoryRejected(OrderId orderId, ProductId productId, int requested, int available, String reason)
        implements InventoryEvent {

    public InventoryRejected {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(reason, "reason");
    }
}
