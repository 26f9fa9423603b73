package com.javadoor.shop.inventoryservice.reservation;

/** Whether an order's lines are held. */
enum ReservationStatus {

    /** Every line is held: the order is pending, or confirmed and so sold. */
    RESERVED,
    /** The lines were held and given back, because the order was cancelled. */
    RELEASED,
    /** Nothing was ever held: a product was unknown or short. */
    REJECTED
}
