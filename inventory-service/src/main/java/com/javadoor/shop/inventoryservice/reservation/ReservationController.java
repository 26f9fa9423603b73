package com.javadoor.shop.inventoryservice.reservation;

import com.javadoor.shop.events.OrderId;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What this service answered an order; an order has at most one reservation, so this is one or a 404. */
@RestController
@RequestMapping("/api/reservations")
class ReservationController {

    private final ReservationManagement reservations;

    ReservationController(ReservationManagement reservations) {
        this.reservations = reservations;
    }

    @GetMapping
    ReservationView forOrder(@RequestParam UUID orderId) {
        return reservations.view(new OrderId(orderId));
    }
}
