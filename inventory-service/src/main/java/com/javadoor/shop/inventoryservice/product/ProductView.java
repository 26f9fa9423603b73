package com.javadoor.shop.inventoryservice.product;

import java.math.BigDecimal;

/** A product as the REST API shows it. */
record ProductView(String id, String name, BigDecimal price, String currency, int available, int reserved) {

    static ProductView of(Product product) {
        return new ProductView(product.id().value(), product.name(), product.price().amount(),
                product.price().currency().getCurrencyCode(), product.available(), product.reserved());
    }
}
