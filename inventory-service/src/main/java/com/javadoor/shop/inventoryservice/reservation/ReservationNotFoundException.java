package com.javadoor.shop.inventoryservice.reservation;

import com.javadoor.shop.events.OrderId;

/** No reservation for that order (yet); the REST API answers 404. */
public class ReservationNotFoundException extends RuntimeException {

    ReservationNotFoundException(OrderId orderId) {
        super("No reservation for order " + orderId);
    }
}
