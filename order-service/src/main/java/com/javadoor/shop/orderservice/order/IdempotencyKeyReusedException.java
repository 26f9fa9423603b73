package com.javadoor.shop.orderservice.order;

/** The same Idempotency-Key came with a different order; the REST API answers 422. */
public class IdempotencyKeyReusedException extends RuntimeException {

    IdempotencyKeyReusedException() {
        super("This Idempotency-Key was used for a different order");
    }
}
