package com.javadoor.shop.inventoryservice.reservation;

import com.javadoor.shop.events.OrderId;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.UUID;
import org.springframework.http.ProblemDetail;
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
    @ApiResponse(responseCode = "200", description = "The order's reservation", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", description = "The order id is missing or not a UUID", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No reservation for this order, or not yet", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ReservationView forOrder(@RequestParam UUID orderId) {
        return reservations.view(new OrderId(orderId));
    }
}
