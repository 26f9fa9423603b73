package com.javadoor.shop.systemtests.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.javadoor.shop.events.Topics;
import com.javadoor.shop.systemtests.ShopClient;
import com.javadoor.shop.testsupport.TestEventProducer;
import com.javadoor.shop.testsupport.TopicReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * At-least-once delivery taken at its word: after a burst has settled, every event of it is delivered
 * a second time, the same record (key, value, headers, event id) written again to its topic. Every
 * consumer must recognise each repeat: no balance, stock or mail changes, and no service emits a
 * single new event.
 */
@Order(6)
class DuplicateDeliverySystemTests {

    private static final int ORDERS = 100;
    private static final List<String> REPLAYED = List.of(Topics.ORDERS, Topics.PAYMENTS, Topics.INVENTORY);
    private static final List<String> WATCHED = List.of(Topics.ORDERS, Topics.PAYMENTS, Topics.INVENTORY,
            Topics.NOTIFICATIONS, Topics.ORDERS + Topics.DEAD_LETTER_SUFFIX, Topics.PAYMENTS + Topics.DEAD_LETTER_SUFFIX,
            Topics.INVENTORY + Topics.DEAD_LETTER_SUFFIX);
    private static final Map<String, List<String>> READERS = Map.of(
            "payment-service", List.of(Topics.ORDERS), "inventory-service", List.of(Topics.ORDERS),
            "email-service", List.of(Topics.ORDERS), "order-service", List.of(Topics.PAYMENTS, Topics.INVENTORY));

    @Test
    void everyEventOfABurstDeliveredTwiceChangesNothing() {
        ShopOnItsOwnBroker own = ShopOnItsOwnBroker.ready();
        long started = System.nanoTime();
        ShopClient client = own.client;
        ShopAudit audit = ShopAudit.begin(own.shop, client);
        List<String> ids = new OrderBurst(client, 6).place(ORDERS, 25);
        audit.assertNothingLostNothingDoubled(ids);

        try (BrokerView broker = own.brokerView();
                TestEventProducer producer = new TestEventProducer(own.shop.bootstrapServers, "replay")) {
            await("all consumers caught up").atMost(Duration.ofMinutes(1)).until(() -> totalLag(broker) == 0);
            Map<String, BigDecimal> balances = client.balances();
            Map<String, String> stock = stock(client);
            int mails = Mailbox.of(own.shop.mail).total();
            Map<String, Long> offsets = offsets(broker);

            Map<String, Long> expected = new TreeMap<>(offsets);
            int duplicates = 0;
            TopicReader reader = new TopicReader(own.shop.bootstrapServers);
            Set<String> ours = Set.copyOf(ids);
            for (String topic : REPLAYED) {
                for (ConsumerRecord<String, byte[]> record : reader.readAll(topic)) {
                    if (ours.contains(record.key())) {
                        producer.sendRaw(topic, record.key(), record.value(), headers(record));
                        expected.merge(topic, 1L, Long::sum);
                        duplicates++;
                    }
                }
            }

            await("every duplicate consumed").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> totalLag(broker) == 0);
            await("no new event").during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(15))
                    .untilAsserted(() -> assertThat(offsets(broker)).as("records per topic").isEqualTo(expected));
            assertThat(client.balances()).as("balances").isEqualTo(balances);
            assertThat(stock(client)).as("stock").isEqualTo(stock);
            assertThat(Mailbox.of(own.shop.mail).total()).as("mails").isEqualTo(mails);

            ShopAudit.Tally tally = audit.assertNothingLostNothingDoubled(ids);
            Summary.print("every event of a burst delivered twice", tally, "duplicates injected=" + duplicates
                    + " new events=0 new mails=0 balance and stock changes=0", started);
        }
    }

    private static long totalLag(BrokerView broker) {
        return READERS.entrySet().stream().flatMap(group -> group.getValue().stream()
                .map(topic -> broker.lag(group.getKey(), topic))).mapToLong(Long::longValue).sum();
    }

    private static Map<String, Long> offsets(BrokerView broker) {
        Map<String, Long> offsets = new TreeMap<>();
        WATCHED.forEach(topic -> offsets.put(topic, broker.endOffset(topic)));
        return offsets;
    }

    private static Map<String, String> stock(ShopClient client) {
        Map<String, String> stock = new LinkedHashMap<>();
        client.products().forEach((id, product) -> stock.put(id,
                product.get("available").asInt() + "/" + product.get("reserved").asInt()));
        return stock;
    }

    private static Header[] headers(ConsumerRecord<String, byte[]> record) {
        return record.headers().toArray();
    }
}
