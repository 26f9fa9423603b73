package com.javadoor.shop.orderservice.order;

import com.javadoor.shop.events.OrderId;

/** No order with that id; the REST API answers 404. */
public class OrderNotFoundException extends RuntimeException {

    OrderNotFoundException(OrderId id) {
        super("No order " + id);
    }
}
