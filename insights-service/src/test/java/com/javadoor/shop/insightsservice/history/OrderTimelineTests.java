package com.javadoor.shop.insightsservice.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderTimelineTests {

    private static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");

    @Test
    void interleavesTopicsByEventTime() {
        OrderTimeline timeline = new OrderTimeline();
        HistoryEntry placed = entry("orders", 0, 1);
        HistoryEntry confirmed = entry("orders", 1, 4);
        HistoryEntry paid = entry("payments", 0, 2);
        HistoryEntry reserved = entry("inventory", 0, 3);
        timeline.add(placed);
        timeline.add(confirmed);
        timeline.add(reserved);
        timeline.add(paid);

        assertThat(timeline.entries()).containsExactly(placed, paid, reserved, confirmed);
    }

    @Test
    void neverReordersOneTopicEvenWhenItsClockDisagrees() {
        OrderTimeline timeline = new OrderTimeline();
        HistoryEntry first = entry("orders", 0, 5);
        HistoryEntry second = entry("orders", 1, 3);
        HistoryEntry paid = entry("payments", 0, 4);
        timeline.add(first);
        timeline.add(second);
        timeline.add(paid);

        assertThat(timeline.entries()).containsExactly(paid, first, second);
    }

    @Test
    void showsAnEventWrittenTwiceOnce() {
        OrderTimeline timeline = new OrderTimeline();
        HistoryEntry placed = entry("orders", 0, 1);
        timeline.add(placed);
        timeline.add(new HistoryEntry(placed.id(), placed.type(), placed.time(), placed.source(), "orders", 0, 1));

        assertThat(timeline.entries()).containsExactly(placed);
    }

    private static HistoryEntry entry(String topic, long offset, int second) {
        return new HistoryEntry(UUID.randomUUID(), "Event", T0.plusSeconds(second), "test", topic, 0, offset);
    }
}
