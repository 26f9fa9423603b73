package com.javadoor.shop.events;

/**
 * Something that happened to one order. Every event is keyed by its order id on Kafka, so that all
 * events of one order land on one partition and keep their order.
 */
public sealed interface ShopEvent permits OrderEvent, PaymentEvent, InventoryEvent, NotificationEvent {

    OrderId orderId();
}
