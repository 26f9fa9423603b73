package com.javadoor.shop.inventoryservice.product;

import com.javadoor.shop.events.Money;
import com.javadoor.shop.events.ProductId;

/**
 * A product and its stock. Every unit is either available or reserved; reserving and releasing move
 * units between the two and never create or lose one.
 */
class Product {

    private final ProductId id;
    private final String name;
    private final Money price;
    /** Units for sale. */
    private int available;
    /**
     * Units held for orders that are not cancelled. A confirmed order's units stay here: they are sold,
     * and would leave with a shipment, which this shop does not model. Only a cancellation gives them back.
     */
    private int reserved;

    Product(ProductId id, String name, Money price, int available, int reserved) {
        this.id = id;
        this.name = name;
        this.price = price;
        this.available = available;
        this.reserved = reserved;
    }

    ProductId id() {
        return id;
    }

    String name() {
        return name;
    }

    Money price() {
        return price;
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
