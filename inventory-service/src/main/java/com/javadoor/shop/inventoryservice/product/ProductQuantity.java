package com.javadoor.shop.inventoryservice.product;

import com.javadoor.shop.events.ProductId;
import java.util.Objects;

/** A number of units of one product, as an order line asks for them. */
public record ProductQuantity(ProductId productId, int quantity) {

    public ProductQuantity {
        Objects.requireNonNull(productId, "productId");
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
    }
}
