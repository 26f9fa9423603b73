package com.javadoor.shop.systemtests.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.javadoor.shop.systemtests.ServiceProcess;
import com.javadoor.shop.systemtests.Shop;
import com.javadoor.shop.systemtests.ShopClient;
import com.javadoor.shop.testsupport.KafkaBrokerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The shop of the reliability tests that need one broker: a broker process of their own, which they
 * stop, kill and start again on the same port and data, and the four services on it. Started once for
 * the test classes that share it; each test leaves it as it found it or {@link #ready()} repairs it.
 */
final class ShopOnItsOwnBroker {

    private static ShopOnItsOwnBroker instance;

    final KafkaBrokerProcess broker;
    final Shop shop;
    final ShopClient client;
    private boolean brokerRunning;

    private ShopOnItsOwnBroker() {
        broker = KafkaBrokerProcess.onFreePorts();
        broker.start();
        brokerRunning = true;
        try {
            shop = Shop.start(broker.bootstrapServers(), Path.of("target", "reliability", "single-broker"), List.of());
        }
        catch (RuntimeException ex) {
            broker.close();
            throw ex;
        }
        client = new ShopClient(shop);
    }

    /**
     * The shared shop, every part of it up with its usual settings and no order still pending, so a test
     * starts from a settled shop whatever the test before it did.
     */
    static synchronized ShopOnItsOwnBroker ready() {
        if (instance == null) {
            instance = new ShopOnItsOwnBroker();
            Runtime.getRuntime().addShutdownHook(new Thread(ShopOnItsOwnBroker::stop, "stop-reliability-shop"));
        }
        instance.repair();
        return instance;
    }

    /** Stops the shop and its broker, so a test with a shop of its own has the machine to itself. */
    static synchronized void stop() {
        if (instance != null) {
            instance.shop.close();
            instance.broker.close();
            instance = null;
        }
    }

    synchronized void stopBroker() {
        broker.stop();
        brokerRunning = false;
    }

    synchronized void killBroker() {
        broker.kill();
        brokerRunning = false;
    }

    synchronized void startBroker() {
        broker.start();
        brokerRunning = true;
    }

    BrokerView brokerView() {
        return new BrokerView(broker.bootstrapServers());
    }

    private synchronized void repair() {
        if (!brokerRunning) {
            startBroker();
        }
        for (ServiceProcess service : shop.services()) {
            if (!service.isRunning() || !service.extraArguments().isEmpty()) {
                service.stop();
                service.start();
            }
        }
        shop.services().forEach(Shop::awaitHealthy);
        await("no order pending").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(client.allOrders())
                        .noneSatisfy(order -> assertThat(order.get("status").asString()).isEqualTo("PENDING")));
    }
}
