package com.javadoor.shop.inventoryservice.reservation;

import com.javadoor.shop.events.ProductId;
import com.javadoor.shop.inventoryservice.product.ProductQuantity;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
record ReservationLine(@Column(name = "product_id") String productId, int quantity) {

    static ReservationLine of(ProductQuantity line) {
        return new ReservationLine(line.productId().value(), line.quantity());
    }

    ProductQuantity toQuantity() {
        return new ProductQuantity(new ProductId(productId), quantity);
    }
}
