package com.javadoor.shop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.javadoor.shop.systemtests.ShopClient.Line;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two hundred customers at once, competing for a few units of stock and for thin balances. However
 * the events interleave, the books must close: nothing oversold, nothing charged twice, every refund
 * and release done, one final mail per order.
 */
class ConcurrentOrdersSystemTests {

    private static final String[] CUSTOMERS = { "alice", "bob", "carol" };
    private static final Line[] SCARCE = { new Line("webcam", 1, "59.00"), new Line("limited-edition", 1, "999.00"),
            new Line("monitor", 2, "199.00"), new Line("keyboard", 1, "49.90") };

    @Test
    void concurrentOrdersForScarceStockAndBalanceKeepTheBooksStraight() throws Exception {
        Shop shop = Shop.running();
        ShopClient client = new ShopClient(shop);
        Random random = new Random(42);
        List<Future<String>> placed = new ArrayList<>();
        ExecutorService customers = Executors.newFixedThreadPool(16);
        try {
            for (int i = 0; i < 200; i++) {
                String customer = CUSTOMERS[random.nextInt(CUSTOMERS.length)];
                Line first = SCARCE[random.nextInt(SCARCE.length)];
                Line[] lines = random.nextBoolean() ? new Line[] { first }
                        : new Line[] { first, new Line("mouse", 1 + random.nextInt(3), "19.90") };
                placed.add(customers.submit(() -> client.placeOrder(customer, customer + "@example.com", lines)));
            }
        }
        finally {
            customers.shutdown();
        }
        List<String> ids = new ArrayList<>();
        for (Future<String> order : placed) {
            ids.add(order.get());
        }

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(client.allOrders()).allSatisfy(order ->
                        assertThat(order.get("status").asString()).isIn("CONFIRMED", "CANCELLED")));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                ShopBooks.assertReconcile(shop, client));
        for (String id : ids) {
            assertThat(client.payments(id).size()).as("payments of %s", id).isLessThanOrEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String id : ids) {
                assertThat(OrderFlowSystemTests.finalMailsAbout(id)).as("final mails about %s", id).isEqualTo(1);
            }
        });
    }
}
