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
 */
@ConfigurationProperties("shop.orders")
record OrderProperties(@DefaultValue("2m") Duration settleWithin, @DefaultValue("5s") Duration deadlineCheck) {
}
