package com.javadoor.shop.insightsservice.sales;

import static com.javadoor.shop.insightsservice.ShopEvents.confirmed;
import static com.javadoor.shop.insightsservice.ShopEvents.line;
import static com.javadoor.shop.insightsservice.ShopEvents.placed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.javadoor.shop.events.EventType;
import com.javadoor.shop.events.OrderId;
import com.javadoor.shop.events.OrderPlaced;
import com.javadoor.shop.events.ShopEvent;
import com.javadoor.shop.events.Topics;
import com.javadoor.shop.insightsservice.InsightsIntegrationTest;
import com.javadoor.shop.messaging.EventCodec;
import com.javadoor.shop.messaging.EventMetadata;
import com.javadoor.shop.testsupport.KeyPartitioning;
import com.javadoor.shop.testsupport.SharedKafkaBroker;
import com.javadoor.shop.testsupport.TestEventProducer;
import com.javadoor.shop.testsupport.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@InsightsIntegrationTest
class ProductSalesIntegrationTests {

    private static final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    KafkaAdmin kafkaAdmin;

    private final TestEventProducer orderService = TestEventProducer.ofSharedBroker("order-service");

    @AfterEach
    void closeProducer() {
        orderService.close();
    }

    @Test
    void aConfirmedOrderCountsOnceEvenWhenItsConfirmationIsDeliveredTwice() throws Exception {
        String keyboard = "keyboard-" + UUID.randomUUID();
        String mouse = "mouse-" + UUID.randomUUID();
        OrderPlaced first = placed(OrderId.random(), line(keyboard, 2, "12.50"), line(mouse, 1, "20.00"));
        EventMetadata placed = orderService.send(first);
        EventMetadata confirmation = orderService.send(confirmed(first), placed);

        awaitSales(keyboard, 2, "25.00");
        awaitSales(mouse, 1, "20.00");

        orderService.resend(confirmed(first), confirmation);
        // Read after the repeat (same partition), and one more keyboard: 3 only if the repeat added nothing,
        // since otherwise the keyboard total would go 2, 4, 5.
        OrderPlaced second = placed(orderOnSamePartitionAs(first.orderId()), line(keyboard, 1, "12.50"));
        orderService.send(confirmed(second), orderService.send(second));

        awaitSales(keyboard, 3, "37.50");
    }

    @Test
    void anAbortedTransactionNeverCountsWhileTheCommittedOneAfterItDoes() throws Exception {
        String webcam = "webcam-" + UUID.randomUUID();
        OrderId order = OrderId.random();
        // Different quantities, so that the total tells which of the two transactions was read.
        OrderPlaced aborted = placed(order, line(webcam, 5, "59.00"));
        OrderPlaced committed = placed(order, line(webcam, 2, "59.00"));

        try (KafkaProducer<String, byte[]> producer = transactionalProducer()) {
            producer.beginTransaction();
            producer.send(record(aborted));
            producer.send(record(confirmed(aborted)));
            producer.flush();
            producer.abortTransaction();

            producer.beginTransaction();
            producer.send(record(committed));
            producer.send(record(confirmed(committed)));
            producer.commitTransaction();
        }

        // Had the aborted pair been read, the order would have counted 5 and its later events nothing.
        awaitSales(webcam, 2, "118.00");
        // The aborted records are in the log all the same; only a read_committed reader skips them.
        assertThat(readUncommitted(Topics.ORDERS, order.toString())).hasSize(4);
        assertThat(TopicReader.ofSharedBroker().readAll(Topics.ORDERS, order)).hasSize(2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(TopicReader.ofSharedBroker().readAll(SalesTopology.PRODUCT_SALES_TOPIC, webcam))
                        .isNotEmpty()
                        .allSatisfy(total -> assertThat(json.readTree(total.value()).get("quantity").asLong()).isEqualTo(2)));
    }

    @Test
    void listsEveryProductSoldAndAnswersNotFoundForOneNeverSold() throws Exception {
        String monitor = "monitor-" + UUID.randomUUID();
        OrderPlaced order = placed(OrderId.random(), line(monitor, 1, "199.00"));
        orderService.send(confirmed(order), orderService.send(order));

        awaitSales(monitor, 1, "199.00");
        mvc.perform(get("/api/sales"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.productId == '%s')].quantity", monitor).value(1));
        mvc.perform(get("/api/sales/{productId}", "never-sold-" + UUID.randomUUID()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("No sales for this product"));
    }

    /** The first call also waits for the topology's first rebalance and its producers' transactions. */
    private void awaitSales(String product, long quantity, String revenue) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                mvc.perform(get("/api/sales/{productId}", product))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.productId").value(product))
                        .andExpect(jsonPath("$.quantity").value(quantity))
                        .andExpect(jsonPath("$.revenue.length()").value(1))
                        .andExpect(jsonPath("$.revenue[0].amount").value(revenue))
                        .andExpect(jsonPath("$.revenue[0].currency").value("EUR")));
    }

    /** An order whose events the default partitioner puts on the same partition as {@code order}'s. */
    private OrderId orderOnSamePartitionAs(OrderId order) {
        int partitions = kafkaAdmin.describeTopics(Topics.ORDERS).get(Topics.ORDERS).partitions().size();
        return KeyPartitioning.orderOnSamePartitionAs(order, partitions);
    }

    private static KafkaProducer<String, byte[]> transactionalProducer() {
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "insights-tests-" + UUID.randomUUID()),
                new StringSerializer(), new ByteArraySerializer());
        producer.initTransactions();
        return producer;
    }

    private static ProducerRecord<String, byte[]> record(ShopEvent event) {
        EventType type = EventType.of(event);
        UUID id = UUID.randomUUID();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic(), event.orderId().toString(),
                new EventCodec().write(event));
        new EventMetadata(id, type.typeName(), type.schemaVersion(), "order-service", Instant.now(),
                event.orderId().toString(), id, null).writeTo(record.headers());
        return record;
    }

    /** What a reader that does not honour transactions sees. */
    private static List<ConsumerRecord<String, byte[]>> readUncommitted(String topic, String key) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records.stream().filter(record -> key.equals(record.key())).toList();
        }
    }
}
