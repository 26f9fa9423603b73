package com.javadoor.shop.systemtests.reliability;

import com.javadoor.shop.systemtests.ServiceProcess;
import com.javadoor.shop.systemtests.Shop;
import com.javadoor.shop.systemtests.reliability.Faults.Fault;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} in the middle of the work: Payment, Inventory and Order Service are killed in turn,
 * twice each, at random moments of a burst of orders, and started again. A listener killed between
 * its database commit and its offset commit gets the record again, and the inbox drops it; an order
 * service killed under a request is asked again with the same idempotency key.
 */
@Order(2)
class ServiceCrashSystemTests {

    private static final int ORDERS = 300;
    private static final long SEED = 2;

    @Test
    void servicesKilledMidBurstLoseNothingAndDoubleNothing() {
        ShopOnItsOwnBroker own = ShopOnItsOwnBroker.ready();
        long started = System.nanoTime();
        Shop shop = own.shop;
        ShopAudit audit = ShopAudit.begin(shop, own.client);
        Random random = new Random(SEED);
        List<Fault> kills = Stream.of(shop.payments, shop.inventory, shop.orders, shop.payments, shop.inventory,
                shop.orders).map(ServiceCrashSystemTests::killAndRestart).toList();

        Faults faults = new Faults().inject(kills, random, Duration.ofMillis(500), Duration.ofSeconds(4),
                Duration.ZERO, Duration.ofMillis(500));
        OrderBurst burst = new OrderBurst(own.client, SEED);
        List<String> ids = burst.place(ORDERS, 3);
        List<String> killed = faults.awaitRepaired(Duration.ofMinutes(8));

        ShopAudit.Tally tally = audit.assertNothingLostNothingDoubled(ids);
        Summary.print("kill -9 of payment, inventory and order service during a burst", tally,
                "processes killed=" + killed.size() + " " + killed + " placement retries=" + burst.retries(), started);
    }

    private static Fault killAndRestart(ServiceProcess service) {
        return new Fault("kill -9 " + service.name(), service::kill, () -> {
            service.start();
            Shop.awaitHealthy(service);
        });
    }
}
