package com.javadoor.shop.inventoryservice.reservation;

import com.javadoor.shop.events.OrderId;
import com.javadoor.shop.inventoryservice.product.ProductQuantity;
import java.time.Instant;
import java.util.List;

/**
 * This service's answer to one order: its lines held ({@code RESERVED}), given back ({@code RELEASED})
 * or refused ({@code REJECTED}). A refusal is kept too, so the order's answer can be looked up and a
 * second {@code OrderPlaced} for the same order finds it already answered.
 *
 * @param reason  why the lines are not held: the shortage, or the order's cancellation; null while held
 * @param version of the stored row. One partition per order keeps its events in line; should two writers
 *                still meet, the second one's update finds another version, fails, is retried, and
 *                finds the reservation as the first left it
 */
record Reservation(OrderId orderId, ReservationStatus status, List<ProductQuantity> lines, String reason,
        Instant createdAt, Instant updatedAt, long version) {

    Reservation {
        lines = List.copyOf(lines);
    }

    static Reservation reserved(OrderId orderId, List<ProductQuantity> lines, Instant at) {
        return new Reservation(orderId, ReservationStatus.RESERVED, lines, null, at, at, 0);
    }

    static Reservation rejected(OrderId orderId, List<ProductQuantity> lines, String reason, Instant at) {
        return new Reservation(orderId, ReservationStatus.REJECTED, lines, reason, at, at, 0);
    }

    boolean isHeld() {
        return status == ReservationStatus.RESERVED;
    }

    Reservation released(String reason, Instant at) {
        if (!isHeld()) {
            throw new IllegalStateException("Reservation for order " + orderId + " is " + status + ", not held");
        }
        return new Reservation(orderId, ReservationStatus.RELEASED, lines, reason, createdAt, at, version);
    }
}
