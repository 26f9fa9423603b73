package com.javadoor.shop.paymentservice.payment;

import com.javadoor.shop.events.OrderId;
import java.util.List;
import java.util.UUID;
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
    List<PaymentView> ofOrder(@RequestParam UUID orderId) {
        return payments.ofOrder(new OrderId(orderId));
    }
}
