package com.javadoor.shop.orderservice.order;

import java.math.BigDecimal;

record OrderLineItem(String productId, int quantity, BigDecimal unitPrice) {

    BigDecimal subtotal() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
