package com.javadoor.shop.orderservice.order;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** One event that moved the order, with when it happened and what it said. */
@Embeddable
public record HistoryEntry(@Column(name = "event_type") String event, @Column(name = "occurred_at") Instant at,
        String detail) {
}
