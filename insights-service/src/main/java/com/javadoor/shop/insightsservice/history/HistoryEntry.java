package com.javadoor.shop.insightsservice.history;

import java.time.Instant;
import java.util.UUID;

/** One event of an order and where it sits in the log. */
record HistoryEntry(UUID id, String type, Instant time, String source, String topic, int partition, long offset) {
}
