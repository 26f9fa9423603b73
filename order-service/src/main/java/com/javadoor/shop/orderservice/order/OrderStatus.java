package com.javadoor.shop.orderservice.order;

/** Where an order is in its life; {@code CONFIRMED} and {@code CANCELLED} are final. */
public enum OrderStatus {
    PENDING, CONFIRMED, CANCELLED
}
