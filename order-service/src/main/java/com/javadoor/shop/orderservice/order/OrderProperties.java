package com.javadoor.shop.orderservice.order;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Business settings of orders, under {@code shop.orders}.
 *
 * @param settleWithin  the saga deadline: a pending order without both outcomes by then is cancelled,
 *                      so a participant that stays away delays its part but never leaves an order open
 * @param deadlineCheck how often overdue orders are looked for
 * @param intake        how placed orders are stored ({@link OrderIntake})
 */
@ConfigurationProperties("shop.orders")
record OrderProperties(@DefaultValue("2m") Duration settleWithin, @DefaultValue("5s") Duration deadlineCheck,
        @DefaultValue Intake intake) {

    /**
     * @param capacity   how many placed orders may wait to be stored; one more is refused with a 503. Kept
     *                   below the web server's request threads (200), so that a refusal frees its thread at
     *                   once instead of every thread waiting and the connections piling up behind them
     * @param maxPending how many orders may wait for their outcomes before new ones are refused with a 503:
     *                   the shop's backlog, so a shop that cannot keep up pushes back on its callers instead
     *                   of queueing without end, and accepted orders keep a bounded latency
     * @param batchSize  at most this many waiting orders are stored in one transaction
     * @param retryAfter what a refused client is told to wait before it tries again
     */
    record Intake(@DefaultValue("100") int capacity, @DefaultValue("1000") int maxPending,
            @DefaultValue("100") int batchSize, @DefaultValue("1s") Duration retryAfter) {
    }
}
