package com.javadoor.shop.insightsservice.activity;

import static com.javadoor.shop.insightsservice.ShopEvents.confirmed;
import static com.javadoor.shop.insightsservice.ShopEvents.line;
import static com.javadoor.shop.insightsservice.ShopEvents.paid;
import static com.javadoor.shop.insightsservice.ShopEvents.placed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.javadoor.shop.events.EventHeaders;
import com.javadoor.shop.events.EventType;
import com.javadoor.shop.events.OrderId;
import com.javadoor.shop.events.OrderPlaced;
import com.javadoor.shop.events.Topics;
import com.javadoor.shop.insightsservice.InsightsIntegrationTest;
import com.javadoor.shop.messaging.EventMetadata;
import com.javadoor.shop.testsupport.TestEventProducer;
import com.javadoor.shop.testsupport.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@InsightsIntegrationTest
class ActivityFeedIntegrationTests {

    private static final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    FailingOnceActivityFeed feed;

    @Autowired
    KafkaAdmin kafkaAdmin;

    private final TestEventProducer orderService = TestEventProducer.ofSharedBroker("order-service");
    private final TestEventProducer paymentService = TestEventProducer.ofSharedBroker("payment-service");

    @AfterEach
    void closeProducers() {
        orderService.close();
        paymentService.close();
    }

    @Test
    void showsEachEventOnceNewestFirstWithTheServiceThatSentIt() throws Exception {
        OrderPlaced order = placed(OrderId.random(), line("keyboard", 1, "49.90"));
        EventMetadata placed = orderService.send(order);
        orderService.resend(order, placed);
        EventMetadata paid = paymentService.send(paid(order), placed);
        EventMetadata confirmed = orderService.send(confirmed(order), placed);

        // The confirmation follows the placement and its repeat on the same partition: once it shows, they were read.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(activityOf(order.orderId())).extracting(entry -> entry.get("id").asString())
                        .contains(confirmed.id().toString(), paid.id().toString()));
        List<JsonNode> entries = activityOf(order.orderId());
        assertThat(entries).extracting(entry -> entry.get("type").asString())
                .containsExactlyInAnyOrder("OrderPlaced", "PaymentCompleted", "OrderConfirmed");
        assertThat(indexOf(entries, confirmed)).isLessThan(indexOf(entries, placed));
        JsonNode payment = entries.get(indexOf(entries, paid));
        assertThat(payment.get("source").asString()).isEqualTo("payment-service");
        assertThat(payment.get("orderId").asString()).isEqualTo(order.orderId().toString());
        assertThat(Instant.parse(payment.get("time").asString())).isEqualTo(paid.time());
    }

    @Test
    void anEventWhoseHandlingFailsAfterItsCommitIsLostAloneAndNeverRedelivered() throws Exception {
        OrderPlaced order = placed(OrderId.random(), line("mouse", 1, "19.90"));
        EventMetadata doomed = metadataOf(order);
        feed.failOnce(doomed.id());

        orderService.resend(order, doomed);
        // Same key, so same partition, right after the doomed record: the feed must get past it.
        EventMetadata confirmed = orderService.send(confirmed(order), doomed);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(activityOf(order.orderId())).extracting(entry -> entry.get("id").asString())
                        .contains(confirmed.id().toString()));
        assertThat(activityOf(order.orderId())).extracting(entry -> entry.get("id").asString())
                .doesNotContain(doomed.id().toString());
        // Handed to the feed once: the default error handler would have sought back and redelivered it.
        assertThat(feed.attempts()).isOne();

        ConsumerRecord<String, byte[]> doomedRecord = recordOf(order.orderId(), doomed);
        TopicPartition partition = new TopicPartition(doomedRecord.topic(), doomedRecord.partition());
        // Committed before it was handled: while it failed, the group's offset was already past it.
        assertThat(feed.committedWhenItFailed().get(partition).offset()).isGreaterThan(doomedRecord.offset());
        long confirmedOffset = recordOf(order.orderId(), confirmed).offset();
        assertThat(FailingOnceActivityFeed.committedOffsets(kafkaAdmin.getConfigurationProperties())
                .get(partition).offset()).isGreaterThan(confirmedOffset);
    }

    private List<JsonNode> activityOf(OrderId order) throws Exception {
        String body = mvc.perform(get("/api/activity")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body).valueStream()
                .filter(entry -> entry.get("orderId").asString().equals(order.toString()))
                .toList();
    }

    private static int indexOf(List<JsonNode> entries, EventMetadata event) {
        return entries.stream().map(entry -> entry.get("id").asString()).toList().indexOf(event.id().toString());
    }

    private static EventMetadata metadataOf(OrderPlaced order) {
        EventType type = EventType.of(order);
        UUID id = UUID.randomUUID();
        return new EventMetadata(id, type.typeName(), type.schemaVersion(), "order-service", Instant.now(),
                order.orderId().toString(), id, null);
    }

    private static ConsumerRecord<String, byte[]> recordOf(OrderId order, EventMetadata event) {
        return TopicReader.ofSharedBroker().readAll(Topics.ORDERS, order).stream()
                .filter(record -> event.id().toString().equals(TopicReader.header(record, EventHeaders.ID)))
                .findFirst().orElseThrow();
    }
}
