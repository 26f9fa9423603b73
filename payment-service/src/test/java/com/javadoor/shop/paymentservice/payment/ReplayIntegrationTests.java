package com.javadoor.shop.paymentservice.payment;

import static com.javadoor.shop.paymentservice.payment.PaymentScenario.orderOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.javadoor.shop.events.CustomerId;
import com.javadoor.shop.events.EventHeaders;
import com.javadoor.shop.events.OrderCancelled;
import com.javadoor.shop.events.OrderId;
import com.javadoor.shop.events.OrderPlaced;
import com.javadoor.shop.events.Topics;
import com.javadoor.shop.messaging.EventMetadata;
import com.javadoor.shop.testsupport.SharedKafkaBroker;
import com.javadoor.shop.testsupport.TopicReader;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Replaying history through {@code POST /actuator/replay/orders}: the service's consumer group is
 * rewound on {@code orders} and reads every record again. Since every consumer remembers what it
 * handled, nothing changes a second time: no charge, no refund, no event.
 */
@PaymentServiceIntegrationTest
class ReplayIntegrationTests {

    private static final String GROUP = "payment-service";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @RegisterExtension
    final PaymentScenario scenario = new PaymentScenario();

    @Test
    void replayingTheWholeOrdersTopicChargesRefundsAndPublishesNothingAgain() throws Exception {
        CustomerId customer = scenario.customerWith("100.00");
        OrderPlaced kept = orderOf(customer, "30.00");
        OrderPlaced cancelled = orderOf(customer, "20.00");
        OrderPlaced declined = orderOf(customer, "500.00");
        scenario.orderService().send(kept);
        EventMetadata placed = scenario.orderService().send(cancelled);
        scenario.orderService().send(new OrderCancelled(cancelled.orderId(), customer, cancelled.customerEmail(),
                "Out of stock"), placed);
        scenario.orderService().send(declined);
        // One record no consumer can read: it is dead-lettered each time it is read, which shows the replay.
        scenario.orderService().sendRaw(Topics.ORDERS, kept.orderId().toString(), bytes("not json"),
                new RecordHeader(EventHeaders.ID, bytes(UUID.randomUUID().toString())),
                new RecordHeader(EventHeaders.TYPE, bytes("OrderPlaced")));
        scenario.awaitOrdersHandled();
        await().untilAsserted(() -> assertThat(scenario.deadLettersOf(kept.orderId())).hasSize(1));
        List<OrderId> orders = List.of(kept.orderId(), cancelled.orderId(), declined.orderId());
        Map<OrderId, List<String>> eventsBefore = paymentEventTypes(orders);
        List<Map<String, Object>> paymentsBefore = paymentsOf(customer);
        int handledBefore = handledEvents();
        assertThat(eventsBefore.get(cancelled.orderId())).containsExactly("PaymentCompleted", "PaymentRefunded");
        assertThat(scenario.balanceOf(customer)).isEqualByComparingTo("70.00");

        String replay = mvc.perform(post("/actuator/replay/" + Topics.ORDERS))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value("earliest"))
                .andReturn().getResponse().getContentAsString();

        assertThat(rewoundOffsets(replay)).isEqualTo(scenario.ordersOffsets(OffsetSpec.earliest()));
        scenario.awaitOrdersHandled();
        // A record is dead-lettered before its offset is committed: all of them are on the topic by now.
        assertThat(scenario.deadLettersOf(kept.orderId())).as("unreadable record, read twice").hasSize(2);
        assertThat(scenario.deadLettersOf(cancelled.orderId())).isEmpty();
        assertThat(scenario.deadLettersOf(declined.orderId())).isEmpty();
        assertThat(scenario.balanceOf(customer)).isEqualByComparingTo("70.00");
        assertThat(paymentsOf(customer)).isEqualTo(paymentsBefore);
        assertThat(paymentEventTypes(orders)).isEqualTo(eventsBefore);
        assertThat(handledEvents()).as("events handled").isEqualTo(handledBefore);
    }

    @Test
    void replayingFromATimeRewindsEachPartitionToItsFirstRecordFromThen() throws Exception {
        scenario.orderService().send(orderOf(scenario.customerWith("100.00"), "10.00"));
        scenario.awaitOrdersHandled();
        Instant from = Instant.now();
        OrderPlaced later = orderOf(scenario.customerWith("100.00"), "10.00");
        scenario.orderService().send(later);
        scenario.awaitOrdersHandled();
        ConsumerRecord<String, byte[]> laterRecord = TopicReader.ofSharedBroker()
                .readAll(Topics.ORDERS, later.orderId()).get(0);

        String replay = mvc.perform(post("/actuator/replay/" + Topics.ORDERS + "/" + from))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value(from.toString()))
                .andReturn().getResponse().getContentAsString();

        // Only what was written from then on: the later order on its partition, nothing on the others.
        Map<Integer, Long> expected = scenario.ordersOffsets(OffsetSpec.latest());
        expected.put(laterRecord.partition(), laterRecord.offset());
        assertThat(rewoundOffsets(replay)).isEqualTo(expected);
        scenario.awaitOrdersHandled();
        assertThat(scenario.paymentEventsOf(later.orderId())).hasSize(1);
    }

    @Test
    void refusesWhileAnotherInstanceConsumesInTheGroupAndChangesNothing() throws Exception {
        scenario.awaitOrdersHandled();
        Map<TopicPartition, Long> committed = scenario.committedOffsets();
        try (KafkaConsumer<String, String> otherInstance = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", SharedKafkaBroker.bootstrapServers(), "group.id", GROUP,
                "enable.auto.commit", false), new StringDeserializer(), new StringDeserializer())) {
            otherInstance.subscribe(List.of(Topics.ORDERS));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                otherInstance.poll(Duration.ofMillis(100));
                return !otherInstance.assignment().isEmpty();
            });

            mvc.perform(post("/actuator/replay/" + Topics.ORDERS))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.error").value(containsString("still has 1 member")));
        }

        assertThat(scenario.committedOffsets()).isEqualTo(committed);
        assertThat(listeners.getListenerContainer("order-payments").isRunning()).isTrue();
        OrderPlaced after = orderOf(scenario.customerWith("100.00"), "10.00");
        scenario.orderService().send(after);
        assertThat(scenario.awaitPaymentEvents(after.orderId(), 1)).hasSize(1);
    }

    @Test
    void aTopicThisServiceDoesNotReadIsNotFound() throws Exception {
        mvc.perform(post("/actuator/replay/" + Topics.INVENTORY)).andExpect(status().isNotFound());
    }

    private Map<Integer, Long> rewoundOffsets(String replay) {
        Map<String, Number> offsets = JsonPath.read(replay, "$.offsets['" + GROUP + "']");
        return offsets.entrySet().stream()
                .collect(Collectors.toMap(e -> Integer.valueOf(e.getKey()), e -> e.getValue().longValue()));
    }

    private Map<OrderId, List<String>> paymentEventTypes(List<OrderId> orders) {
        return orders.stream().collect(Collectors.toMap(order -> order, order -> scenario.paymentEventsOf(order)
                .stream().map(record -> TopicReader.header(record, EventHeaders.TYPE)).toList()));
    }

    private List<Map<String, Object>> paymentsOf(CustomerId customer) {
        return jdbc.queryForList("SELECT * FROM payment WHERE customer_id = ? ORDER BY id", customer.value());
    }

    private int handledEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM processed_event", Integer.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
