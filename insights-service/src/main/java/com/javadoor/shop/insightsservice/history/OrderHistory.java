package com.javadoor.shop.insightsservice.history;

import com.javadoor.shop.events.OrderId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Every order's timeline, in memory: the topics are the database, this is a view rebuilt at each start. */
@Component
class OrderHistory {

    private final Map<OrderId, OrderTimeline> timelines = new HashMap<>();

    synchronized void add(OrderId order, HistoryEntry entry) {
        timelines.computeIfAbsent(order, id -> new OrderTimeline()).add(entry);
    }

    synchronized Optional<List<HistoryEntry>> of(OrderId order) {
        return Optional.ofNullable(timelines.get(order)).map(OrderTimeline::entries);
    }
}
