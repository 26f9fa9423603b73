package com.javadoor.shop.inventoryservice.product;

import com.javadoor.shop.events.Money;
import com.javadoor.shop.events.ProductId;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * A product and its stock. Every unit is either available or reserved; reserving and releasing move
 * units between the two and never create or lose one.
 */
@Entity
@Table(name = "product")
class Product {

    @Id
    private String id;
    private String name;
    private BigDecimal price;
    private String currency;
    /** Units for sale. */
    private int available;
    /**
     * Units held for orders that are not cancelled. A confirmed order's units stay here: they are sold,
     * and would leave with a shipment, which this shop does not model. Only a cancellation gives them back.
     */
    private int reserved;

    protected Product() {
    }

    ProductId id() {
        return new ProductId(id);
    }

    String name() {
        return name;
    }

    Money price() {
        return new Money(price, Currency.getInstance(currency));
    }

    int available() {
        return available;
    }

    int reserved() {
        return reserved;
    }

    boolean canReserve(int quantity) {
        return available >= quantity;
    }

    void reserve(int quantity) {
        if (quantity <= 0 || !canReserve(quantity)) {
            throw new IllegalStateException("Cannot reserve " + quantity + " of " + id + ": " + available + " left");
        }
        available -= quantity;
        reserved += quantity;
    }

    void release(int quantity) {
        if (quantity <= 0 || quantity > reserved) {
            throw new IllegalStateException("Cannot release " + quantity + " of " + id + ": " + reserved + " reserved");
        }
        reserved -= quantity;
        available += quantity;
    }
}
