package com.javadoor.shop.inventoryservice.reservation;

import java.time.Instant;
import java.util.List;

/**
 * A reservation as the REST API shows it. The lines are what the order asked for; whether they are held
 * is the status.
 */
record ReservationView(String orderId, ReservationStatus status, List<Line> lines, String reason,
        Instant createdAt, Instant updatedAt) {

    record Line(String productId, int quantity) {
    }

    static ReservationView of(Reservation reservation) {
        return new ReservationView(reservation.orderId().toString(), reservation.status(),
                reservation.lines().stream().map(line -> new Line(line.productId().value(), line.quantity())).toList(),
                reservation.reason(), reservation.createdAt(), reservation.updatedAt());
    }
}
