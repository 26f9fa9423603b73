package com.javadoor.shop.orderservice.order;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Enforces the saga deadline of {@link OrderProperties#settleWithin()}. */
@Component
class OverdueOrders {

    private static final Logger log = LoggerFactory.getLogger(OverdueOrders.class);

    private final OrderManagement orders;
    private final OrderProperties properties;
    private final Clock clock;

    OverdueOrders(OrderManagement orders, OrderProperties properties, Clock clock) {
        this.orders = orders;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${shop.orders.deadline-check:5s}")
    void cancelOverdue() {
        int cancelled = orders.cancelOverdue(clock.instant().minus(properties.settleWithin()), properties.settleWithin());
        if (cancelled > 0) {
            log.warn("Cancelled {} order(s) with no outcome within {}", cancelled, properties.settleWithin());
        }
    }
}
