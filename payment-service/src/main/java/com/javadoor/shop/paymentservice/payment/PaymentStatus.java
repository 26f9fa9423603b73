package com.javadoor.shop.paymentservice.payment;

/** What became of an order's payment; {@code DECLINED} and {@code REFUNDED} are final. */
enum PaymentStatus {
    CHARGED, DECLINED, REFUNDED
}
