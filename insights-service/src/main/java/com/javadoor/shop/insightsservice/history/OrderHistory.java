package com.javadoor.shop.insightsservice.history;

import com.javadoor.shop.events.OrderId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The timelines of the most recent orders, in memory: the topics are the database, this is a view
 * rebuilt at each start. An order's timeline is kept from its first event on, and forgotten once
 * {@code shop.insights.history.max-orders} newer orders have come after it.
 */
@Component
class OrderHistory {

    private final Map<OrderId, OrderTimeline> timelines;

    OrderHistory(HistoryProperties properties) {
        int maxOrders = properties.maxOrders();
        this.timelines = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<OrderId, OrderTimeline> eldest) {
                return size() > maxOrders;
            }
        };
    }

    synchronized void add(OrderId order, HistoryEntry entry) {
        timelines.computeIfAbsent(order, id -> new OrderTimeline()).add(entry);
    }

    synchronized Optional<List<HistoryEntry>> of(OrderId order) {
        return Optional.ofNullable(timelines.get(order)).map(OrderTimeline::entries);
    }
}
