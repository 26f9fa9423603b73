package com.javadoor.shop.orderservice.order;

import java.time.Duration;

/** More orders are waiting to be stored than the intake holds; the REST API answers 503 with Retry-After. */
public class OrderIntakeFullException extends RuntimeException {

    private final Duration retryAfter;

    OrderIntakeFullException(int waiting, Duration retryAfter) {
        super(waiting + " orders are already waiting to be stored; try again in " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
