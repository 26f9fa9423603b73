package com.javadoor.shop.systemtests.reliability;

import static org.awaitility.Awaitility.await;

import com.javadoor.shop.systemtests.ShopClient;
import com.javadoor.shop.systemtests.ShopClient.Line;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many customers ordering at a steady pace, as a load balancer would pass them on. Each order goes
 * under its own {@code Idempotency-Key} and is retried with it until the shop accepts it, so an order
 * service that dies under a request never makes a customer order twice, nor lose the order.
 *
 * <p>The mix is drawn from a seeded random: most orders are paid and in stock; some are declined for
 * want of money, and some run out of the scarce products, so refunds and releases happen too.
 */
final class OrderBurst {

    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(4);
    private static final int CUSTOMERS_AT_ONCE = 8;

    private final ShopClient client;
    private final Random random;
    private final AtomicInteger retries = new AtomicInteger();

    OrderBurst(ShopClient client, long seed) {
        this.client = client;
        this.random = new Random(seed);
    }

    /**
     * Places {@code count} orders, {@code perSecond} of them started each second, and returns their ids
     * once every one was accepted.
     */
    List<String> place(int count, int perSecond) {
        ScheduledExecutorService customers = Executors.newScheduledThreadPool(CUSTOMERS_AT_ONCE);
        try {
            List<ScheduledFuture<String>> placed = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                Line[] lines = nextLines();
                String customer = lines[0].productId().equals("monitor") ? "bob"
                        : lines[0].productId().equals("webcam") ? "carol"
                        : lines[0].productId().equals("keyboard") ? "alice" : "dave";
                String key = new UUID(random.nextLong(), random.nextLong()).toString();
                placed.add(customers.schedule(() -> placeUntilAccepted(key, customer, lines),
                        i * 1000L / perSecond, TimeUnit.MILLISECONDS));
            }
            List<String> ids = new ArrayList<>(count);
            for (ScheduledFuture<String> order : placed) {
                ids.add(order.get());
            }
            return ids;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException("An order was not placed", ex.getCause());
        }
        finally {
            customers.shutdownNow();
        }
    }

    /** Tries that found the order service away or failing, and were repeated with the same key. */
    int retries() {
        return retries.get();
    }

    private String placeUntilAccepted(String key, String customer, Line[] lines) {
        AtomicInteger tries = new AtomicInteger();
        Optional<String> id = await("order " + key + " accepted").atMost(GIVE_UP_AFTER).pollInSameThread()
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (tries.getAndIncrement() > 0) {
                        retries.incrementAndGet();
                    }
                    return client.tryPlaceOrder(key, customer, customer + "@example.com", lines);
                }, Optional::isPresent);
        return id.orElseThrow();
    }

    private Line[] nextLines() {
        double kind = random.nextDouble();
        if (kind < 0.6) {
            Line bulk = new Line("load-test-item", 1 + random.nextInt(3), "1.00");
            return random.nextInt(5) == 0 ? new Line[] { bulk, new Line("mouse", 1, "19.90") } : new Line[] { bulk };
        }
        if (kind < 0.7) {
            return new Line[] { new Line("keyboard", 1, "49.90") };
        }
        if (kind < 0.8) {
            // bob has 50.00: declined, and the monitor reserved for it is given back.
            return new Line[] { new Line("monitor", 1, "199.00") };
        }
        if (kind < 0.9) {
            // Five webcams in stock: the rest are refused, and carol's charges refunded.
            return new Line[] { new Line("webcam", 1, "59.00") };
        }
        return new Line[] { new Line("limited-edition", 1, "999.00") };
    }
}
