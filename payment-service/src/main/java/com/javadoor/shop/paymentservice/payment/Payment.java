package com.javadoor.shop.paymentservice.payment;

import com.javadoor.shop.events.CustomerId;
import com.javadoor.shop.events.Money;
import com.javadoor.shop.events.OrderId;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * The payment of one order: what was decided, and whether a charge was given back.
 *
 * @param amount  in cents: a charged amount has no more decimals (the account refuses it otherwise); a
 *                declined one is only a record, and its reason states the amount as it came
 * @param version of the stored row; two cancellations of one order handled at once must not refund
 *                twice, so the second one's update finds another version and fails
 */
record Payment(OrderId orderId, CustomerId customerId, Money amount, PaymentStatus status, String reason,
        Instant processedAt, Instant refundedAt, long version) {

    static Payment charged(OrderId order, CustomerId customer, Money amount, Instant at) {
        return new Payment(order, customer, cents(amount), PaymentStatus.CHARGED, null, at, null, 0);
    }

    static Payment declined(OrderId order, CustomerId customer, Money amount, String reason, Instant at) {
        return new Payment(order, customer, cents(amount), PaymentStatus.DECLINED, reason, at, null, 0);
    }

    boolean isCharged() {
        return status == PaymentStatus.CHARGED;
    }

    Payment refunded(Instant at) {
        if (!isCharged()) {
            throw new IllegalStateException("Only a charged payment can be refunded, this one is " + status);
        }
        return new Payment(orderId, customerId, amount, PaymentStatus.REFUNDED, reason, processedAt, at, version);
    }

    private static Money cents(Money amount) {
        return new Money(amount.amount().setScale(2, RoundingMode.HALF_EVEN), amount.currency());
    }
}
