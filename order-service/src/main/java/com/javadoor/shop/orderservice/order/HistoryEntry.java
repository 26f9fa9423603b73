package com.javadoor.shop.orderservice.order;

import java.time.Instant;

/** One event that moved the order, with when it happened and what it said. */
public record HistoryEntry(String event, Instant at, String detail) {
}
