package com.javadoor.shop.insightsservice.history;

import static com.javadoor.shop.insightsservice.ShopEvents.cancelled;
import static com.javadoor.shop.insightsservice.ShopEvents.line;
import static com.javadoor.shop.insightsservice.ShopEvents.outOfStock;
import static com.javadoor.shop.insightsservice.ShopEvents.paid;
import static com.javadoor.shop.insightsservice.ShopEvents.placed;
import static com.javadoor.shop.insightsservice.ShopEvents.refunded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.javadoor.shop.events.OrderId;
import com.javadoor.shop.events.OrderPlaced;
import com.javadoor.shop.events.Topics;
import com.javadoor.shop.insightsservice.InsightsServiceApplication;
import com.javadoor.shop.messaging.EventMetadata;
import com.javadoor.shop.testsupport.SharedKafkaBroker;
import com.javadoor.shop.testsupport.TestEventProducer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Not a {@code @SpringBootTest}: what is under test is an application started after the events were
 * written, and started again. Only the replay runs in it; the feed's consumer group and the sales
 * topology stay with the shared test context, which a second member would take partitions from.
 */
class OrderHistoryReplayIntegrationTests {

    private final TestEventProducer orderService = TestEventProducer.ofSharedBroker("order-service");
    private final TestEventProducer paymentService = TestEventProducer.ofSharedBroker("payment-service");
    private final TestEventProducer inventoryService = TestEventProducer.ofSharedBroker("inventory-service");

    @AfterEach
    void closeProducers() {
        orderService.close();
        paymentService.close();
        inventoryService.close();
    }

    @Test
    void eventsWrittenBeforeTheStartAreInTheHistoryInTheOrderTheyHappenedOnEveryStart() {
        OrderPlaced order = placed(OrderId.random(), line("webcam", 6, "59.00"));
        EventMetadata placed = orderService.send(order);
        EventMetadata paid = paymentService.send(paid(order), placed);
        EventMetadata rejected = inventoryService.send(outOfStock(order), placed);
        EventMetadata cancelled = orderService.send(cancelled(order, "out of stock"), rejected);
        EventMetadata refunded = paymentService.send(refunded(order), cancelled);
        OrderPlaced other = placed(OrderId.random(), line("mouse", 1, "19.90"));
        orderService.send(other);
        List<EventMetadata> produced = List.of(placed, paid, rejected, cancelled, refunded);

        try (ConfigurableApplicationContext firstStart = startInsightsService()) {
            assertHistory(api(firstStart), order.orderId(), produced);
        }
        // A consumer group would resume after what it read; the replay reads it all again.
        try (ConfigurableApplicationContext secondStart = startInsightsService()) {
            RestClient api = api(secondStart);
            assertHistory(api, order.orderId(), produced);
            await().atMost(Duration.ofSeconds(30)).ignoreException(HttpClientErrorException.NotFound.class)
                    .untilAsserted(() -> assertThat(history(api, other.orderId())).hasSize(1));
        }
    }

    @Test
    void anOrderWithNoEventIsANotFoundProblem() {
        try (ConfigurableApplicationContext app = startInsightsService()) {
            ResponseEntity<String> response = api(app).get().uri("/api/history/{id}", UUID.randomUUID())
                    .exchange((request, reply) -> ResponseEntity.status(reply.getStatusCode())
                            .headers(reply.getHeaders()).body(reply.bodyTo(String.class)));
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(response.getBody()).contains("\"title\":\"Order not found\"");
        }
    }

    private static void assertHistory(RestClient api, OrderId order, List<EventMetadata> produced) {
        await().atMost(Duration.ofSeconds(30)).ignoreException(HttpClientErrorException.NotFound.class)
                .untilAsserted(() -> assertThat(history(api, order)).extracting(event -> event.get("id").asString())
                        .containsExactlyElementsOf(produced.stream().map(event -> event.id().toString()).toList()));
        List<JsonNode> events = history(api, order);
        assertThat(events).extracting(event -> event.get("type").asString()).containsExactly(
                "OrderPlaced", "PaymentCompleted", "InventoryRejected", "OrderCancelled", "PaymentRefunded");
        assertThat(events).extracting(event -> event.get("source").asString()).containsExactly(
                "order-service", "payment-service", "inventory-service", "order-service", "payment-service");
        assertThat(events).extracting(event -> Instant.parse(event.get("time").asString()))
                .containsExactlyElementsOf(produced.stream().map(EventMetadata::time).toList());
        // Per key, per topic: one partition, and the offsets in the order the events were written.
        JsonNode placed = events.get(0);
        JsonNode cancelled = events.get(3);
        assertThat(placed.get("topic").asString()).isEqualTo(Topics.ORDERS);
        assertThat(cancelled.get("partition").asInt()).isEqualTo(placed.get("partition").asInt());
        assertThat(cancelled.get("offset").asLong()).isGreaterThan(placed.get("offset").asLong());
    }

    private static List<JsonNode> history(RestClient api, OrderId order) {
        JsonNode view = api.get().uri("/api/history/{id}", order).retrieve().body(JsonNode.class);
        assertThat(view.get("orderId").asString()).isEqualTo(order.toString());
        return view.get("events").valueStream().toList();
    }

    private static ConfigurableApplicationContext startInsightsService() {
        return new SpringApplicationBuilder(InsightsServiceApplication.class).profiles("test").run(
                "--spring.kafka.bootstrap-servers=" + SharedKafkaBroker.bootstrapServers(),
                "--server.port=0",
                "--spring.kafka.listener.auto-startup=false",
                "--spring.kafka.streams.auto-startup=false");
    }

    private static RestClient api(ConfigurableApplicationContext app) {
        return RestClient.create("http://localhost:" + app.getEnvironment().getProperty("local.server.port"));
    }
}
