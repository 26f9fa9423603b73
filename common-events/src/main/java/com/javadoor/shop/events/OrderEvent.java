package com.javadoor.shop.events;

/** What Order Service publishes on {@link Topics#ORDERS}. */
public sealed interface OrderEvent extends ShopEvent permits OrderPlaced, OrderConfirmed, OrderCancelled {
}
