package com.javadoor.shop.orderservice.order;

import java.time.Duration;

/**
 * The shop takes no more orders for now: too many wait to be stored, or too many wait for their outcomes.
 * The REST API answers 503 with Retry-After.
 */
public class OrderIntakeFullException extends RuntimeException {

    private final Duration retryAfter;

    OrderIntakeFullException(String reason, Duration retryAfter) {
        super(reason + "; try again in " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
