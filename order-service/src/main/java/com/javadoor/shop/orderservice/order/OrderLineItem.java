package com.javadoor.shop.orderservice.order;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

@Embeddable
record OrderLineItem(@Column(name = "product_id") String productId, int quantity,
        @Column(name = "unit_price") BigDecimal unitPrice) {

    BigDecimal subtotal() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
