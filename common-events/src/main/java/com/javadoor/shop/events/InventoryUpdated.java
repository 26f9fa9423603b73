package com.javadoor.shop.events;

import java.util.List;
import java.util.Objects;

/** Stock for every line of the order was reserved; the levels say what is left for sale. */
public record InventoryUpdated(OrderId orderId, List<StockLevel> reserved) implements InventoryEvent {

    public InventoryUpdated {
        Objects.requireNonNull(orderId, "orderId");
        reserved = List.copyOf(reserved);
    }
}
