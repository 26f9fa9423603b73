package com.javadoor.shop.systemtests.reliability;

import com.javadoor.shop.events.EventHeaders;
import com.javadoor.shop.events.Topics;
import com.javadoor.shop.systemtests.reliability.Faults.Fault;
import com.javadoor.shop.testsupport.TopicReader;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The broker goes away in the middle of a burst, once stopped and once killed, and comes back on the
 * same port with the same data. Orders keep being accepted into the outbox; the relays retry until the
 * broker answers; the consumers rejoin their groups and go on from their committed offsets.
 */
@Order(4)
class BrokerRestartSystemTests {

    private static final int ORDERS = 300;
    private static final long SEED = 4;

    @Test
    void aBrokerStoppedAndKilledDuringABurstLosesNothingAndDoublesNothing() {
        ShopOnItsOwnBroker own = ShopOnItsOwnBroker.ready();
        long started = System.nanoTime();
        ShopAudit audit = ShopAudit.begin(own.shop, own.client);
        List<Fault> outages = List.of(
                new Fault("broker stopped", own::stopBroker, own::startBroker),
                new Fault("broker killed (kill -9)", own::killBroker, own::startBroker));

        Faults faults = new Faults().inject(outages, new Random(SEED), Duration.ofSeconds(5), Duration.ofSeconds(15),
                Duration.ofSeconds(3), Duration.ofSeconds(8));
        OrderBurst burst = new OrderBurst(own.client, SEED);
        List<String> ids = burst.place(ORDERS, 6);
        List<String> outagesDone = faults.awaitRepaired(Duration.ofMinutes(5));

        ShopAudit.Tally tally = audit.assertNothingLostNothingDoubled(ids);
        Set<String> ours = Set.copyOf(ids);
        long placedRecords = new TopicReader(own.shop.bootstrapServers).readAll(Topics.ORDERS).stream()
                .filter(record -> ours.contains(record.key()))
                .filter(record -> "OrderPlaced".equals(TopicReader.header(record, EventHeaders.TYPE)))
                .count();
        Summary.print("broker stopped and killed during a burst", tally, "broker outages=" + outagesDone.size()
                + " " + outagesDone + " placement retries=" + burst.retries() + " OrderPlaced records on the topic="
                + placedRecords + " (above " + ORDERS + " = sent again after a lost acknowledgement, dropped by the inboxes)",
                started);
    }
}
