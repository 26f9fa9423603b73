package com.javadoor.shop.paymentservice.account;

import com.javadoor.shop.events.Money;

/** The answer of an account asked to pay an amount. */
public sealed interface Charge permits Charge.Accepted, Charge.Declined {

    /** The amount was taken; {@code balanceAfter} is what is left. */
    record Accepted(Money balanceAfter) implements Charge {
    }

    /** Nothing was taken, for the reason given, which the customer may read. */
    record Declined(String reason) implements Charge {
    }
}
