package com.javadoor.shop.orderservice.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.javadoor.shop.events.CustomerId;
import com.javadoor.shop.events.Money;
import com.javadoor.shop.events.OrderId;
import com.javadoor.shop.events.PaymentFailed;
import com.javadoor.shop.events.PaymentRefunded;
import com.javadoor.shop.events.Topics;
import com.javadoor.shop.orderservice.OrderServiceApplication;
import com.javadoor.shop.testsupport.KafkaBrokerProcess;
import com.javadoor.shop.messaging.EventMetadata;
import com.javadoor.shop.testsupport.SharedKafkaBroker;
import com.javadoor.shop.testsupport.TestEventProducer;
import com.javadoor.shop.testsupport.TopicReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outbox's promise, tested the hard way: the broker is away when the order is placed, or the
 * service stops before it could send. These tests start their own application contexts, since they
 * stop them, and the first its own broker process, since it starts that broker late.
 */
class OutboxRecoveryIntegrationTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void anOrderPlacedWhileTheBrokerIsDownIsPublishedOnceTheBrokerIsBack() {
        try (KafkaBrokerProcess broker = KafkaBrokerProcess.onFreePorts();
                ConfigurableApplicationContext service = startOrderService(broker.bootstrapServers(), "outage")) {
            OrderId id = placeOrder(service);
            assertThat(outboxSize(service)).isEqualTo(1);

            broker.start();

            TopicReader topic = new TopicReader(broker.bootstrapServers());
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(topic.readAll(Topics.ORDERS, id)).hasSize(1));
            await().atMost(TIMEOUT).until(() -> outboxSize(service) == 0);
        }
    }

    @Test
    void eventsLeftInTheOutboxAreSentAfterARestart() {
        String database = "restart-" + UUID.randomUUID();
        OrderId id;
        try (KafkaBrokerProcess neverStarted = KafkaBrokerProcess.onFreePorts();
                ConfigurableApplicationContext before = startOrderService(neverStarted.bootstrapServers(), database)) {
            id = placeOrder(before);
            assertThat(outboxSize(before)).isEqualTo(1);
        }

        try (ConfigurableApplicationContext after = startOrderService(SharedKafkaBroker.bootstrapServers(), database)) {
            await().atMost(TIMEOUT).untilAsserted(() ->
                    assertThat(TopicReader.ofSharedBroker().readAll(Topics.ORDERS, id)).hasSize(1));
            await().atMost(TIMEOUT).until(() -> outboxSize(after) == 0);
        }
    }

    @Test
    void anEventRedeliveredAfterARestartChangesNothing() {
        String database = "redelivery-" + UUID.randomUUID();
        // Its own broker: the shared one has the "order-service" group of the other tests' context in it.
        try (KafkaBrokerProcess kafka = KafkaBrokerProcess.onFreePorts()) {
            kafka.start();
            redeliverAfterRestart(kafka.bootstrapServers(), database);
        }
    }

    private static void redeliverAfterRestart(String broker, String database) {
        TopicReader topic = new TopicReader(broker);
        try (TestEventProducer payments = new TestEventProducer(broker, "payment-service")) {
            OrderId id;
            PaymentFailed declined;
            EventMetadata delivery;
            try (ConfigurableApplicationContext before = startOrderService(broker, database, true)) {
                id = placeOrder(before);
                await().atMost(TIMEOUT).until(() -> topic.readAll(Topics.ORDERS, id).size() == 1);
                EventMetadata placed = EventMetadata.from(topic.readAll(Topics.ORDERS, id).get(0).headers());
                declined = new PaymentFailed(id, new CustomerId("alice"), Money.of("49.90", "EUR"), "Balance too low");
                delivery = payments.send(declined, placed);
                await().atMost(TIMEOUT).until(() -> topic.readAll(Topics.ORDERS, id).size() == 2);
            }

            try (ConfigurableApplicationContext after = startOrderService(broker, database, true)) {
                payments.resend(declined, delivery);
                payments.send(new PaymentRefunded(id, new CustomerId("alice"), Money.of("49.90", "EUR"),
                        Money.of("1000.00", "EUR")), delivery);

                OrderManagement orders = after.getBean(OrderManagement.class);
                await().atMost(TIMEOUT).until(() -> orders.view(id).history().stream()
                        .anyMatch(entry -> entry.event().equals("PaymentRefunded")));
                assertThat(orders.view(id).history()).extracting(HistoryEntry::event)
                        .containsExactly("OrderPlaced", "PaymentFailed", "OrderCancelled", "PaymentRefunded");
                assertThat(topic.readAll(Topics.ORDERS, id)).hasSize(2);
            }
        }
    }

    private static ConfigurableApplicationContext startOrderService(String bootstrapServers, String database) {
        return startOrderService(bootstrapServers, database, false);
    }

    private static ConfigurableApplicationContext startOrderService(String bootstrapServers, String database,
            boolean listening) {
        return new SpringApplicationBuilder(OrderServiceApplication.class)
                .profiles("test")
                .run("--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                        // Kept in memory after the context closes: the "disk" that survives the restart.
                        "--spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1",
                        // Do not hold start-up for a broker that is away on purpose: the topic creation
                        // gives up after 2 s, and its admin client closes at once instead of after 10 s.
                        "--spring.kafka.admin.operation-timeout=2s",
                        "--spring.kafka.admin.close-timeout=1s",
                        "--spring.kafka.listener.auto-startup=" + listening);
    }

    private static OrderId placeOrder(ConfigurableApplicationContext service) {
        return service.getBean(OrderManagement.class).place(new PlaceOrder(new CustomerId("alice"),
                "alice@example.com", Currency.getInstance("EUR"),
                List.of(new OrderLineItem("keyboard", 1, new BigDecimal("49.90"))))).id();
    }

    private static long outboxSize(ConfigurableApplicationContext service) {
        return service.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM outbox_event", Long.class);
    }
}
