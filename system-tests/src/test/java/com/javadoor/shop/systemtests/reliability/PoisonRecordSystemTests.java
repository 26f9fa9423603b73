package com.javadoor.shop.systemtests.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.javadoor.shop.events.EventHeaders;
import com.javadoor.shop.events.Topics;
import com.javadoor.shop.systemtests.ShopClient;
import com.javadoor.shop.testsupport.KeyPartitioning;
import com.javadoor.shop.testsupport.TestEventProducer;
import com.javadoor.shop.testsupport.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Records no service of the shop writes, put on every partition of the event topics ahead of real
 * orders: each one is dead-lettered by every consumer group that reads it, with the reason in its
 * headers, and no partition stops; the orders placed after them settle. A record from a newer producer,
 * with a higher schema version and fields this version does not know, is read and handled.
 */
@Order(7)
class PoisonRecordSystemTests {

    private static final int PARTITIONS = 3;
    private static final String DLT_GROUP = "kafka_dlt-original-consumer-group";
    private static final String DLT_CAUSE = "shop_dlt-root-cause";
    private static final Set<String> ORDER_READERS = Set.of("payment-service", "inventory-service", "email-service");

    /** What a poison record is, and how it looks on the wire. */
    private record Poison(String kind, String topic, String type, String body) {
    }

    private static final List<Poison> POISONS = List.of(
            new Poison("malformed JSON", Topics.ORDERS, "OrderPlaced", "{\"orderId\": \"6f1c2b1e-8a2d"),
            new Poison("unknown event type", Topics.ORDERS, "OrderTeleported", "{\"orderId\": \"%s\"}"),
            new Poison("missing required fields", Topics.ORDERS, "OrderPlaced",
                    "{\"orderId\": \"%s\", \"customerEmail\": \"nobody@example.com\"}"),
            new Poison("no event type header", Topics.ORDERS, null, "{\"orderId\": \"%s\"}"),
            new Poison("malformed JSON", Topics.PAYMENTS, "PaymentCompleted", "[1, 2"),
            new Poison("missing required fields", Topics.INVENTORY, "InventoryUpdated", "{\"reserved\": []}"));

    @Test
    void poisonRecordsAreDeadLetteredWithoutStoppingAPartitionAndANewerSchemaIsReadTolerantly() {
        ShopOnItsOwnBroker own = ShopOnItsOwnBroker.ready();
        long started = System.nanoTime();
        ShopClient client = own.client;
        ShopAudit audit = ShopAudit.begin(own.shop, client);
        List<String> poisonKeys = new ArrayList<>();
        int sent = 0;

        try (TestEventProducer producer = new TestEventProducer(own.shop.bootstrapServers, "reliability-test")) {
            for (Poison poison : POISONS) {
                for (int partition = 0; partition < PARTITIONS; partition++) {
                    String key = keyOnPartition(poison.kind().replace(' ', '-'), partition);
                    producer.sendRaw(poison.topic(), key, poison.body().formatted(key).getBytes(StandardCharsets.UTF_8),
                            headers(poison.type()));
                    poisonKeys.add(poison.topic() + "/" + key);
                    sent++;
                }
            }
            List<String> ids = new OrderBurst(client, 7).place(30, 15);
            ShopAudit.Tally afterPoison = audit.assertNothingLostNothingDoubled(ids);

            Map<String, Set<String>> deadLettered = deadLetteredByGroup(own, poisonKeys);
            for (String poisonKey : poisonKeys) {
                Set<String> readers = poisonKey.startsWith(Topics.ORDERS + "/") ? ORDER_READERS : Set.of("order-service");
                assertThat(deadLettered.get(poisonKey)).as("groups that dead-lettered %s", poisonKey)
                        .isEqualTo(readers);
            }

            String confirmed = ids.stream().filter(id -> client.status(id).equals("CONFIRMED")).findFirst().orElseThrow();
            Instant newerTime = Instant.parse("2030-01-01T00:00:00Z");
            producer.sendRaw(Topics.INVENTORY, confirmed, """
                    {"orderId": "%s", "released": [{"productId": "load-test-item", "quantity": 1, "availableAfter": 7,
                     "warehouse": "north"}], "releasedBy": "night-shift", "schemaNote": "fields v1 does not know"}"""
                    .formatted(confirmed).getBytes(StandardCharsets.UTF_8),
                    headers("InventoryReleased", "2", newerTime.toString(), confirmed));
            await("the newer event joins the order's history").atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                    assertThat(history(client.order(confirmed))).contains("InventoryReleased@" + newerTime));
            assertThat(client.status(confirmed)).isEqualTo("CONFIRMED");
            assertThat(new TopicReader(own.shop.bootstrapServers).readAll(Topics.INVENTORY + Topics.DEAD_LETTER_SUFFIX,
                    confirmed)).as("dead letters of the newer event").isEmpty();

            ShopAudit.Tally tally = audit.assertNothingLostNothingDoubled(ids);
            int deadLetters = deadLettered.values().stream().mapToInt(Set::size).sum();
            Summary.print("poison records ahead of real orders", tally, "poison records injected=" + sent
                    + " dead letters=" + deadLetters + " newer-schema records read tolerantly=1 stuck partitions=0"
                    + " (orders settled after the poison=" + (afterPoison.confirmed() + afterPoison.cancelled()) + ")",
                    started);
        }
    }

    /** For each poison record (topic/key), the consumer groups whose dead letter of it carries a reason. */
    private static Map<String, Set<String>> deadLetteredByGroup(ShopOnItsOwnBroker own, List<String> poisonKeys) {
        TopicReader reader = new TopicReader(own.shop.bootstrapServers);
        Map<String, Set<String>> byGroup = new java.util.HashMap<>();
        await("every poison record dead-lettered").atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            byGroup.clear();
            for (String topic : List.of(Topics.ORDERS, Topics.PAYMENTS, Topics.INVENTORY)) {
                for (ConsumerRecord<String, byte[]> letter : reader.readAll(topic + Topics.DEAD_LETTER_SUFFIX)) {
                    String poisonKey = topic + "/" + letter.key();
                    if (poisonKeys.contains(poisonKey) && TopicReader.header(letter, DLT_CAUSE) != null) {
                        byGroup.computeIfAbsent(poisonKey, key -> new java.util.TreeSet<>())
                                .add(TopicReader.header(letter, DLT_GROUP));
                    }
                }
            }
            assertThat(byGroup.values().stream().mapToInt(Set::size).sum()).isEqualTo(
                    poisonKeys.stream().mapToInt(key -> key.startsWith(Topics.ORDERS + "/") ? 3 : 1).sum());
        });
        return byGroup;
    }

    private static List<String> history(JsonNode order) {
        return StreamSupport.stream(order.get("history").spliterator(), false)
                .map(entry -> entry.get("event").asString() + "@" + Instant.parse(entry.get("at").asString()))
                .collect(Collectors.toList());
    }

    /** A key the producer's default partitioner puts on {@code partition}, to poison every partition. */
    private static String keyOnPartition(String prefix, int partition) {
        for (int i = 0;; i++) {
            String key = prefix + "-" + UUID.nameUUIDFromBytes((prefix + i).getBytes(StandardCharsets.UTF_8));
            if (KeyPartitioning.partitionOf(key, PARTITIONS) == partition) {
                return key;
            }
        }
    }

    private static Header[] headers(String type) {
        return type == null ? new Header[] { header(EventHeaders.ID, UUID.randomUUID().toString()) }
                : new Header[] { header(EventHeaders.ID, UUID.randomUUID().toString()), header(EventHeaders.TYPE, type) };
    }

    private static Header[] headers(String type, String schemaVersion, String time, String subject) {
        return new Header[] { header(EventHeaders.SPEC_VERSION, EventHeaders.SPEC_VERSION_VALUE),
                header(EventHeaders.ID, UUID.randomUUID().toString()), header(EventHeaders.SOURCE, "inventory-service"),
                header(EventHeaders.TYPE, type), header(EventHeaders.SCHEMA_VERSION, schemaVersion),
                header(EventHeaders.TIME, time), header(EventHeaders.SUBJECT, subject),
                header(EventHeaders.CONTENT_TYPE, EventHeaders.JSON) };
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
