package com.javadoor.shop.paymentservice.payment;

import com.javadoor.shop.events.OrderId;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read-only: payments are made and refunded only through the events of the orders. */
@RestController
@RequestMapping("/api/payments")
class PaymentController {

    private final PaymentProcessing payments;

    PaymentController(PaymentProcessing payments) {
        this.payments = payments;
    }

    /** A list, empty while the order's OrderPlaced has not been handled; never more than one payment. */
    @GetMapping
    @ApiResponse(responseCode = "200", description = "The order's payment, or none yet", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", description = "The order id is missing or not a UUID", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    List<PaymentView> ofOrder(@RequestParam UUID orderId) {
        return payments.ofOrder(new OrderId(orderId));
    }
}
