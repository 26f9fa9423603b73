package com.javadoor.shop.paymentservice.payment;

import static com.javadoor.shop.paymentservice.payment.PaymentScenario.orderOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.javadoor.shop.events.CustomerId;
import com.javadoor.shop.events.EventHeaders;
import com.javadoor.shop.events.OrderPlaced;
import com.javadoor.shop.events.Topics;
import com.javadoor.shop.paymentservice.PaymentServiceApplication;
import com.javadoor.shop.testsupport.SharedKafkaBrokerInitializer;
import com.javadoor.shop.testsupport.TopicReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Scaling out: more instances of Payment Service in the one consumer group share the three partitions
 * of {@code orders}, and one leaving in the middle of a burst hands its partition to the others
 * without losing an order or charging one twice. The test's own application context is the first
 * instance; two more start here, in the same JVM, on the same in-memory database, as instances of a
 * service share their database.
 */
@PaymentServiceIntegrationTest
class ScalingIntegrationTests {

    private static final String LISTENER = "order-payments";
    private static final List<TopicPartition> ORDERS_PARTITIONS = IntStream.range(0, 3)
            .mapToObj(partition -> new TopicPartition(Topics.ORDERS, partition)).toList();

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @RegisterExtension
    final PaymentScenario scenario = new PaymentScenario();

    @Test
    void instancesShareThePartitionsAndOneLeavingInTheMiddleOfABurstLosesAndDoublesNothing() throws Exception {
        CustomerId customer = scenario.customerWith("100000.00");
        List<OrderPlaced> orders = IntStream.rangeClosed(1, 60)
                .mapToObj(i -> orderOf(customer, BigDecimal.valueOf(i).setScale(2).toPlainString())).toList();
        MessageListenerContainer first = listeners.getListenerContainer(LISTENER);
        try (ConfigurableApplicationContext second = startInstance();
                ConfigurableApplicationContext third = startInstance()) {
            await("partitions shared by three instances").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertSharedWithoutOverlap(List.of(first, listenerOf(second), listenerOf(third))));

            orders.subList(0, 30).forEach(scenario.orderService()::send);
            await().atMost(Duration.ofSeconds(30)).until(() -> paymentsOf(customer) >= 10);
            CompletableFuture<Void> restOfTheBurst = CompletableFuture
                    .runAsync(() -> orders.subList(30, 60).forEach(scenario.orderService()::send));
            third.close();
            restOfTheBurst.get();

            await("partitions of the third taken over").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertSharedWithoutOverlap(List.of(first, listenerOf(second))));
            scenario.awaitOrdersHandled();
        }
        await("all partitions back with the first").atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertSharedWithoutOverlap(List.of(first)));

        assertThat(jdbc.queryForList("SELECT order_id FROM payment WHERE customer_id = ? AND status = 'CHARGED'",
                String.class, customer.value()))
                .as("one charged payment per order").containsExactlyInAnyOrderElementsOf(
                        orders.stream().map(order -> order.orderId().toString()).toList());
        BigDecimal total = orders.stream().map(order -> order.total().amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(scenario.balanceOf(customer)).isEqualByComparingTo(new BigDecimal("100000.00").subtract(total));
        // An instance that stops in the middle of an outbox batch may leave an event to be sent again by
        // another (the relay delivers at least once): the repeat has the same event id, and consumers skip
        // it. What must not be there is a second event of its own for an order.
        assertThat(paymentEventsByOrder(orders)).as("payment events per order, by event id")
                .allSatisfy((order, events) -> assertThat(events.values()).containsExactly("PaymentCompleted"));
    }

    /** Another instance of the service: its own web server and consumers, the same database and group. */
    private static ConfigurableApplicationContext startInstance() {
        return new SpringApplicationBuilder(PaymentServiceApplication.class)
                .profiles("test")
                .initializers(new SharedKafkaBrokerInitializer())
                .run("--server.port=0");
    }

    private static MessageListenerContainer listenerOf(ConfigurableApplicationContext instance) {
        return instance.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer(LISTENER);
    }

    /** Each instance has at least one partition, no partition is read twice, and none is left out. */
    private static void assertSharedWithoutOverlap(List<MessageListenerContainer> instances) {
        List<TopicPartition> assigned = new ArrayList<>();
        for (MessageListenerContainer instance : instances) {
            Collection<TopicPartition> own = instance.getAssignedPartitions();
            assertThat(own).as("partitions of an instance").isNotEmpty();
            assigned.addAll(own);
        }
        assertThat(assigned).containsExactlyInAnyOrderElementsOf(ORDERS_PARTITIONS);
    }

    private int paymentsOf(CustomerId customer) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM payment WHERE customer_id = ?", Integer.class,
                customer.value());
    }

    /** Event id to type, per order; read once from the topic, after the outbox has sent everything. */
    private Map<String, Map<String, String>> paymentEventsByOrder(List<OrderPlaced> orders) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event", Integer.class) == 0);
        Map<String, Map<String, String>> byOrder = TopicReader.ofSharedBroker().readAll(Topics.PAYMENTS).stream()
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.toMap(
                        record -> TopicReader.header(record, EventHeaders.ID),
                        record -> TopicReader.header(record, EventHeaders.TYPE), (first, repeat) -> first)));
        return orders.stream().map(order -> order.orderId().toString())
                .collect(Collectors.toMap(Function.identity(), order -> byOrder.getOrDefault(order, Map.of())));
    }
}
