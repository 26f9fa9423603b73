/**
 * Reservations: the stock held for each order, taken on {@code OrderPlaced} and given back on
 * {@code OrderCancelled}, each change published with its event through the outbox.
 */
package com.javadoor.shop.inventoryservice.reservation;
