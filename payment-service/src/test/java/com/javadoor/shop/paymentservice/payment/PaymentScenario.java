package com.javadoor.shop.paymentservice.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.javadoor.shop.events.CustomerId;
import com.javadoor.shop.events.EventHeaders;
import com.javadoor.shop.events.Money;
import com.javadoor.shop.events.OrderId;
import com.javadoor.shop.events.OrderLine;
import com.javadoor.shop.events.OrderPlaced;
import com.javadoor.shop.events.ProductId;
import com.javadoor.shop.events.ShopEvent;
import com.javadoor.shop.events.Topics;
import com.javadoor.shop.messaging.EventCodec;
import com.javadoor.shop.testsupport.SharedKafkaBroker;
import com.javadoor.shop.testsupport.TestEventProducer;
import com.javadoor.shop.testsupport.TopicReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * What the payment tests do with the world around the service: open accounts of their own (balances are
 * shared by every test of the JVM), play Order Service on the broker, and read what reached the
 * {@code payments} topic. A JUnit extension, so a test class only declares it:
 * {@code @RegisterExtension final PaymentScenario scenario = new PaymentScenario();} opens its clients
 * before each test, on the test's application context, and closes them after.
 */
final class PaymentScenario implements BeforeEachCallback, AfterEachCallback {

    private static final String GROUP = "payment-service";

    private final TopicReader topics = TopicReader.ofSharedBroker();
    private final EventCodec codec = new EventCodec();
    private JdbcTemplate jdbc;
    private TestEventProducer orderService;
    private Admin admin;

    @Override
    public void beforeEach(ExtensionContext context) {
        jdbc = SpringExtension.getApplicationContext(context).getBean(JdbcTemplate.class);
        orderService = TestEventProducer.ofSharedBroker("order-service");
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers()));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        orderService.close();
        admin.close();
    }

    /** A new customer, seen by no other test, with an account in EUR. */
    CustomerId customerWith(String balance) {
        CustomerId customer = new CustomerId("cust-" + UUID.randomUUID());
        jdbc.update("INSERT INTO account (customer_id, name, currency, balance) VALUES (?, ?, 'EUR', ?)",
                customer.value(), "Test customer", new BigDecimal(balance));
        return customer;
    }

    BigDecimal balanceOf(CustomerId customer) {
        return jdbc.queryForObject("SELECT balance FROM account WHERE customer_id = ?", BigDecimal.class,
                customer.value());
    }

    static OrderPlaced orderOf(CustomerId customer, String total) {
        return orderOf(customer, Money.of(total, "EUR"));
    }

    static OrderPlaced orderOf(CustomerId customer, Money total) {
        return new OrderPlaced(OrderId.random(), customer, customer + "@example.com",
                List.of(new OrderLine(new ProductId("keyboard"), 1, total)), total);
    }

    TestEventProducer orderService() {
        return orderService;
    }

    /** Waits until the service has handled, and committed, every record sent to {@code orders} so far. */
    void awaitOrdersHandled() throws ExecutionException, InterruptedException {
        Map<Integer, Long> sent = ordersOffsets(OffsetSpec.latest());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<TopicPartition, Long> committed = committedOffsets();
            sent.forEach((partition, end) -> assertThat(committed.getOrDefault(
                    new TopicPartition(Topics.ORDERS, partition), 0L)).as("committed offset of partition %d", partition)
                    .isGreaterThanOrEqualTo(end));
        });
    }

    /** The offset {@code spec} names (earliest, latest, by time) of each partition of {@code orders}. */
    Map<Integer, Long> ordersOffsets(OffsetSpec spec) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> request = admin.describeTopics(List.of(Topics.ORDERS)).allTopicNames().get()
                .get(Topics.ORDERS).partitions().stream()
                .collect(Collectors.toMap(info -> new TopicPartition(Topics.ORDERS, info.partition()), info -> spec));
        return admin.listOffsets(request).all().get().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().partition(), e -> e.getValue().offset()));
    }

    /** What the payment-service group has committed, per partition. */
    Map<TopicPartition, Long> committedOffsets() throws ExecutionException, InterruptedException {
        return admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /**
     * The payment events of an order, once the outbox holds none of them any more: an event published
     * in the same transaction as the handling is either still in the outbox or already on the topic.
     */
    List<ConsumerRecord<String, byte[]>> paymentEventsOf(OrderId order) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM outbox_event WHERE record_key = ?", Integer.class, order.toString()) == 0);
        return topics.readAll(Topics.PAYMENTS, order);
    }

    /** Waits for the order's payment events to reach {@code count}, then checks that no more came. */
    List<ConsumerRecord<String, byte[]>> awaitPaymentEvents(OrderId order, int count) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(topics.readAll(Topics.PAYMENTS, order)).hasSizeGreaterThanOrEqualTo(count));
        List<ConsumerRecord<String, byte[]>> events = paymentEventsOf(order);
        assertThat(events).hasSize(count);
        return events;
    }

    List<ConsumerRecord<String, byte[]>> deadLettersOf(OrderId order) {
        return topics.readAll(Topics.ORDERS + Topics.DEAD_LETTER_SUFFIX, order);
    }

    <T extends ShopEvent> T body(ConsumerRecord<String, byte[]> record, Class<T> type) {
        return type.cast(codec.read(TopicReader.header(record, EventHeaders.TYPE), record.value()));
    }

    boolean handled(UUID eventId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", Integer.class,
                eventId) == 1;
    }

}
