package com.javadoor.shop.systemtests.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.javadoor.shop.events.Topics;
import com.javadoor.shop.systemtests.Shop;
import com.javadoor.shop.systemtests.ShopClient;
import com.javadoor.shop.systemtests.reliability.Faults.Fault;
import com.javadoor.shop.testsupport.KafkaCluster;
import com.javadoor.shop.testsupport.TopicReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The shop on three brokers as production runs it: replication factor 3, {@code min.insync.replicas=2},
 * {@code acks=all}. One broker lost during a burst costs nothing. Two lost is one too many for an
 * acknowledged write: the relay stops publishing and says so, the orders accepted meanwhile wait in
 * the outbox, and they leave the moment a broker returns.
 */
@Order(9)
class ReplicatedClusterSystemTests {

    private static final String RELAY_FAILED = "Outbox relay could not publish";
    private static final String NOT_ENOUGH_REPLICAS = "NOT_ENOUGH_REPLICAS";
    private static final long SEED = 5;

    @Test
    void oneBrokerLostCostsNothingAndTwoLostStopPublishingUntilOneReturns() {
        long started = System.nanoTime();
        ShopOnItsOwnBroker.stop();
        try (KafkaCluster cluster = KafkaCluster.ofThreeNodes()) {
            cluster.start();
            try (Shop shop = Shop.start(cluster.bootstrapServers(), Path.of("target", "reliability", "cluster"),
                    List.of("--shop.messaging.topics.replication-factor=3"))) {
                ShopClient client = new ShopClient(shop);
                ShopAudit audit = ShopAudit.begin(shop, client);

                Faults oneDown = new Faults().inject(List.of(new Fault("node 1 stopped, for good", () -> cluster.stop(1), () -> {
                })), new Random(SEED), Duration.ofSeconds(5), Duration.ofSeconds(12), Duration.ZERO, Duration.ZERO);
                List<String> duringOneDown = new OrderBurst(client, SEED).place(150, 6);
                oneDown.awaitRepaired(Duration.ofMinutes(2));
                ShopAudit.Tally oneLost = audit.assertNothingLostNothingDoubled(duringOneDown);
                Summary.print("three brokers, one stopped during a burst", oneLost,
                        "brokers stopped=1 of 3, the shop went on", started);
                long stoppedSecond = System.nanoTime();
                ShopAudit afterOneLost = ShopAudit.begin(shop, client);

                long relayFailures = shop.orders.logLinesContaining(RELAY_FAILED);
                long notEnoughReplicas = shop.orders.logLinesContaining(NOT_ENOUGH_REPLICAS);
                cluster.stop(2);
                OrderBurst stuckBurst = new OrderBurst(client, SEED + 1);
                List<String> stuck = stuckBurst.place(20, 10);
                assertThat(stuckBurst.retries()).as("placements that did not answer 202 at once").isZero();
                await("the brokers refuse the writes").atMost(Duration.ofMinutes(1))
                        .until(() -> shop.orders.logLinesContaining(NOT_ENOUGH_REPLICAS) > notEnoughReplicas);
                // The producer retries a refused write until delivery.timeout.ms; the relay gives up its wait after
                // its send timeout (30 s) per record of the batch, so its warning can take up to two minutes.
                await("the relay reports it cannot publish").atMost(Duration.ofMinutes(3))
                        .until(() -> shop.orders.logLinesContaining(RELAY_FAILED) > relayFailures);
                await("orders wait in the outbox").during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(20))
                        .untilAsserted(() -> assertThat(stuck).allSatisfy(id ->
                                assertThat(client.status(id)).isEqualTo("PENDING")));
                assertThat(new TopicReader(cluster.bootstrapServers()).readAll(Topics.ORDERS).stream()
                        .filter(record -> Set.copyOf(stuck).contains(record.key())))
                        .as("records of the waiting orders readable on the topic").isEmpty();
                long refusals = shop.orders.logLinesContaining(NOT_ENOUGH_REPLICAS) - notEnoughReplicas;

                cluster.start(2);
                cluster.start(1);
                ShopAudit.Tally tally = afterOneLost.assertNothingLostNothingDoubled(stuck);

                Summary.print("three brokers, two stopped", tally, "brokers stopped=2 of 3, orders held in the outbox="
                        + stuck.size() + " relay warnings=" + (shop.orders.logLinesContaining(RELAY_FAILED) - relayFailures)
                        + " NOT_ENOUGH_REPLICAS log lines=" + refusals + ", all published after a broker returned", stoppedSecond);
            }
        }
    }
}
