package com.javadoor.shop.orderservice.order;

import java.time.Duration;

/**
 * The shop takes no more orders for now: too many wait to be stored, or too many wait for their outcomes.
 * The REST API answers 503 with Retry-After.
 */
public class OrderIntakeFullException extends RuntimeException {

    /** The title of the 503 problem. */
    public static final String TITLE = "Too many orders at once";

    private final Duration retryAfter;

    OrderIntakeFullException(String reason, Duration retryAfter) {
        // No stack trace: under overload this is thrown for most requests, and it is an answer, not a fault.
        super(reason + "; try again in " + retryAfter.toSeconds() + " s", null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
