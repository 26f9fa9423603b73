package com.javadoor.shop.events;

import java.util.List;
import java.util.Objects;

/** A reservation was given back because its order was cancelled. */
public record InventoryReleased(OrderId orderId, List<StockLevel> released) implements InventoryEvent {

    public InventoryReleased {
        Objects.requireNonNull(orderId, "orderId");
        released = List.copyOf(released);
    }
}
