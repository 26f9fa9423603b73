package com.javadoor.shop.insightsservice.history;

import com.javadoor.shop.events.OrderId;
import java.util.List;

record OrderHistoryView(OrderId orderId, List<HistoryEntry> events) {
}
