package com.javadoor.shop.insightsservice.history;

import com.javadoor.shop.events.OrderId;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/history")
class HistoryController {

    private final OrderHistory history;

    HistoryController(OrderHistory history) {
        this.history = history;
    }

    @GetMapping("/{orderId}")
    OrderHistoryView of(@PathVariable UUID orderId) {
        OrderId order = new OrderId(orderId);
        return new OrderHistoryView(order, history.of(order).orElseThrow(() -> new OrderHistoryNotFoundException(order)));
    }
}
