package com.javadoor.shop.systemtests.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.javadoor.shop.events.EventHeaders;
import com.javadoor.shop.events.Topics;
import com.javadoor.shop.systemtests.Shop;
import com.javadoor.shop.testsupport.TopicReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The crash the outbox exists for: the order is committed, its event is not yet sent, and the process
 * dies. Here the broker is away, so every OrderPlaced is committed and cannot leave (the orders stay
 * pending); the order service is then killed, its database file opened to see the events waiting
 * there, the broker started, the service started: the events leave after the restart, once each, and
 * the orders settle.
 */
@Order(3)
class CrashBeforeSendSystemTests {

    private static final int ORDERS = 50;

    @Test
    void eventsCommittedButNotSentWhenTheServiceDiesArePublishedAfterItsRestart() throws SQLException {
        ShopOnItsOwnBroker own = ShopOnItsOwnBroker.ready();
        long started = System.nanoTime();
        Shop shop = own.shop;
        ShopAudit audit = ShopAudit.begin(shop, own.client);
        own.stopBroker();

        OrderBurst burst = new OrderBurst(own.client, 3);
        List<String> ids = burst.place(ORDERS, 25);

        assertThat(burst.retries()).as("placements that did not answer 202 at once").isZero();
        assertThat(ids).allSatisfy(id -> assertThat(own.client.status(id)).isEqualTo("PENDING"));
        shop.orders.kill();
        assertThat(waitingInOutbox(shop)).as("OrderPlaced events left in the outbox of the killed service")
                .containsAll(ids);

        own.startBroker();
        shop.orders.start();
        Shop.awaitHealthy(shop.orders);

        ShopAudit.Tally tally = audit.assertNothingLostNothingDoubled(ids);
        Map<String, Long> published = new TopicReader(shop.bootstrapServers).readAll(Topics.ORDERS).stream()
                .filter(record -> "OrderPlaced".equals(TopicReader.header(record, EventHeaders.TYPE)))
                .filter(record -> Set.copyOf(ids).contains(record.key()))
                .collect(Collectors.groupingBy(record -> record.key(), Collectors.counting()));
        assertThat(published).as("OrderPlaced records on the topic per order").hasSize(ORDERS)
                .allSatisfy((id, count) -> assertThat(count).as("OrderPlaced of %s", id).isEqualTo(1));
        Summary.print("kill -9 of order-service between the database commit and the Kafka send", tally,
                "processes killed=1 events waiting in the outbox at the kill=" + ids.size()
                        + " published after restart=" + published.size() + " (once each)", started);
    }

    /** Order ids of the OrderPlaced events in the outbox table, read from the database file of the dead process. */
    private static List<String> waitingInOutbox(Shop shop) throws SQLException {
        List<String> waiting = new ArrayList<>();
        try (Connection database = DriverManager.getConnection(shop.readOnlyDatabaseUrl(shop.orders), "", "");
                var rows = database.createStatement()
                        .executeQuery("SELECT record_key FROM outbox_event WHERE event_type = 'OrderPlaced'")) {
            while (rows.next()) {
                waiting.add(rows.getString(1));
            }
        }
        return waiting;
    }
}
