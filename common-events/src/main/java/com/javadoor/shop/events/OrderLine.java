package com.javadoor.shop.events;

import java.util.Objects;

/** One line of an order as placed: a product, how many, and the price of one. */
public record OrderLine(ProductId productId, int quantity, Money unitPrice) {

    public OrderLine {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
    }
}
