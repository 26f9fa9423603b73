package com.javadoor.shop.systemtests.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.javadoor.shop.events.Topics;
import com.javadoor.shop.systemtests.Shop;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A consumer that is away makes its work wait, not disappear: while Payment Service is down the shop
 * goes on taking orders, the backlog waits in Kafka as the lag of the payment-service group, and when
 * the service returns it works the backlog off and every order settles.
 */
@Order(1)
class ConsumerOutageSystemTests {

    private static final int ORDERS = 500;

    @Test
    void ordersPlacedWhilePaymentServiceIsDownAreSettledWhenItReturns() {
        ShopOnItsOwnBroker own = ShopOnItsOwnBroker.ready();
        long started = System.nanoTime();
        ShopAudit audit = ShopAudit.begin(own.shop, own.client);
        OrderBurst burst = new OrderBurst(own.client, 1);
        try (BrokerView broker = own.brokerView()) {
            own.shop.payments.stop();

            List<String> ids = burst.place(ORDERS, 50);

            assertThat(burst.retries()).as("placements that did not answer 202 at once").isZero();
            await("payment-service lag grows").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> broker.lag("payment-service", Topics.ORDERS) >= ORDERS);
            long backlog = broker.lag("payment-service", Topics.ORDERS);
            assertThat(ids).allSatisfy(id ->
                    assertThat(own.client.status(id)).as("order %s without payment", id).isNotEqualTo("CONFIRMED"));

            own.shop.payments.start();
            Shop.awaitHealthy(own.shop.payments);

            await("payment-service caught up").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> broker.lag("payment-service", Topics.ORDERS) == 0);
            ShopAudit.Tally tally = audit.assertNothingLostNothingDoubled(ids);
            Summary.print("consumer down (payment-service stopped while orders are placed)", tally,
                    "processes stopped=1 max lag of payment-service on orders=" + backlog + " lag after restart=0",
                    started);
        }
    }
}
