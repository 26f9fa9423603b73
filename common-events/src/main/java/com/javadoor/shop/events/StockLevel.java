package com.javadoor.shop.events;

import java.util.Objects;

/** How many units of a product an event moved, and what is available for sale afterwards. */
public record StockLevel(ProductId productId, int quantity, int availableAfter) {

    public StockLevel {
        Objects.requireNonNull(productId, "productId");
    }
}
