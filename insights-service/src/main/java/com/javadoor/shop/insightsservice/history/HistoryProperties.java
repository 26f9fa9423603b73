package com.javadoor.shop.insightsservice.history;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the replayed history, under {@code shop.insights.history}.
 *
 * @param maxOrders how many orders the view keeps, the most recently placed; the log keeps the rest (7
 *                  days of events), and a view of every one of them would grow with every order, until
 *                  the heap is full (a load test of a hundred thousand orders filled 112 MiB)
 */
@ConfigurationProperties("shop.insights.history")
record HistoryProperties(@DefaultValue("10000") int maxOrders) {
}
