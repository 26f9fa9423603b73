package com.javadoor.shop.paymentservice.payment;

import java.math.BigDecimal;
import java.time.Instant;

/** A payment as the REST API shows it. */
record PaymentView(String orderId, String customerId, BigDecimal amount, String currency, PaymentStatus status,
        String reason, Instant processedAt, Instant refundedAt) {

    static PaymentView of(Payment payment) {
        return new PaymentView(payment.orderId().toString(), payment.customerId().value(),
                payment.amount().amount(), payment.amount().currency().getCurrencyCode(), payment.status(),
                payment.reason(), payment.processedAt(), payment.refundedAt());
    }
}
