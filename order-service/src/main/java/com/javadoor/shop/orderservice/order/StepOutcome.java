package com.javadoor.shop.orderservice.order;

/** What one participant of the saga (payment, inventory) reported for an order so far. */
enum StepOutcome {
    AWAITED, SUCCEEDED, FAILED
}
