package com.javadoor.shop.orderservice.order;

import com.javadoor.shop.events.CustomerId;
import java.util.Currency;
import java.util.List;

/** A validated request to place an order. */
record PlaceOrder(CustomerId customerId, String customerEmail, Currency currency, List<OrderLineItem> lines) {
}
