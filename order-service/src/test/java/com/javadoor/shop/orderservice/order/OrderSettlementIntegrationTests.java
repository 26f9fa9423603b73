package com.javadoor.shop.orderservice.order;

import static com.javadoor.shop.testsupport.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.javadoor.shop.events.CustomerId;
import com.javadoor.shop.events.EventHeaders;
import com.javadoor.shop.events.InventoryRejected;
import com.javadoor.shop.events.InventoryUpdated;
import com.javadoor.shop.events.Money;
import com.javadoor.shop.events.OrderId;
import com.javadoor.shop.events.PaymentCompleted;
import com.javadoor.shop.events.PaymentFailed;
import com.javadoor.shop.events.PaymentRefunded;
import com.javadoor.shop.events.ProductId;
import com.javadoor.shop.events.StockLevel;
import com.javadoor.shop.events.Topics;
import com.javadoor.shop.messaging.EventMetadata;
import com.javadoor.shop.testsupport.TestEventProducer;
import com.javadoor.shop.testsupport.TopicReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The order side of the saga, driven by outcome events written to the real broker. */
@OrderServiceIntegrationTest
class OrderSettlementIntegrationTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Autowired
    OrderManagement orders;

    private final TopicReader topics = TopicReader.ofSharedBroker();
    private TestEventProducer payments;
    private TestEventProducer inventory;

    @BeforeEach
    void producers() {
        payments = TestEventProducer.ofSharedBroker("payment-service");
        inventory = TestEventProducer.ofSharedBroker("inventory-service");
    }

    @AfterEach
    void close() {
        payments.close();
        inventory.close();
    }

    @Test
    void confirmsWhenPaymentAndStockAreSecured() {
        OrderId id = placeOrder();
        EventMetadata placed = placedMetadata(id);

        EventMetadata paid = payments.send(
                new PaymentCompleted(id, new CustomerId("alice"), total(), Money.of("955.00", "EUR")), placed);
        EventMetadata reserved = inventory.send(reservation(id), placed);

        await().atMost(TIMEOUT).until(() -> orders.view(id).status() == OrderStatus.CONFIRMED);
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(eventsOf(id, "OrderConfirmed")).hasSize(1));
        ConsumerRecord<String, byte[]> confirmed = eventsOf(id, "OrderConfirmed").get(0);
        assertThat(header(confirmed, EventHeaders.CORRELATION_ID)).isEqualTo(placed.correlationId().toString());
        assertThat(header(confirmed, EventHeaders.CAUSATION_ID)).isIn(paid.id().toString(), reserved.id().toString());
    }

    @Test
    void confirmsWhenStockIsReportedBeforePayment() {
        OrderId id = placeOrder();
        EventMetadata placed = placedMetadata(id);

        inventory.send(reservation(id), placed);
        await().atMost(TIMEOUT).until(() -> orders.view(id).history().size() == 2);
        payments.send(new PaymentCompleted(id, new CustomerId("alice"), total(), Money.of("955.00", "EUR")), placed);

        await().atMost(TIMEOUT).until(() -> orders.view(id).status() == OrderStatus.CONFIRMED);
    }

    @Test
    void cancelsOnceWhenPaymentIsDeclinedAndRecordsLaterOutcomes() {
        OrderId id = placeOrder();
        EventMetadata placed = placedMetadata(id);

        PaymentFailed declined = new PaymentFailed(id, new CustomerId("alice"), total(), "Balance too low");
        EventMetadata declinedMetadata = payments.send(declined, placed);
        payments.resend(declined, declinedMetadata);
        inventory.send(reservation(id), placed);
        payments.send(new PaymentRefunded(id, new CustomerId("alice"), total(), Money.of("1.00", "EUR")), placed);

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(orders.view(id).history())
                .extracting(HistoryEntry::event)
                .contains("PaymentFailed", "OrderCancelled", "InventoryUpdated", "PaymentRefunded"));
        OrderView order = orders.view(id);
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.cancellationReason()).isEqualTo("Payment declined: Balance too low");
        assertThat(order.history()).extracting(HistoryEntry::event).containsOnlyOnce("PaymentFailed");
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(eventsOf(id, "OrderCancelled")).hasSize(1));
        ConsumerRecord<String, byte[]> cancelled = eventsOf(id, "OrderCancelled").get(0);
        assertThat(header(cancelled, EventHeaders.CAUSATION_ID)).isEqualTo(declinedMetadata.id().toString());
        assertThat(new String(cancelled.value(), StandardCharsets.UTF_8)).contains("Balance too low");
        assertThat(eventsOf(id, "OrderConfirmed")).isEmpty();
    }

    @Test
    void cancelsWhenStockIsShort() {
        OrderId id = placeOrder();
        EventMetadata placed = placedMetadata(id);

        inventory.send(new InventoryRejected(id, new ProductId("keyboard"), 2, 1, "Only 1 of keyboard left, 2 requested"),
                placed);

        await().atMost(TIMEOUT).until(() -> orders.view(id).status() == OrderStatus.CANCELLED);
        assertThat(orders.view(id).cancellationReason()).isEqualTo("Out of stock: Only 1 of keyboard left, 2 requested");
    }

    @Test
    void cancelsAnOrderPastTheDeadlineAndRecordsALateOutcomeWithoutUndoingIt() {
        OrderId id = placeOrder();
        EventMetadata placed = placedMetadata(id);

        orders.cancelOverdue(orders.view(id).placedAt().plusMillis(1), Duration.ofMinutes(2));

        OrderView expired = orders.view(id);
        assertThat(expired.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(expired.cancellationReason()).isEqualTo("No payment and stock outcome within PT2M");
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(eventsOf(id, "OrderCancelled")).hasSize(1));
        ConsumerRecord<String, byte[]> cancelled = eventsOf(id, "OrderCancelled").get(0);
        assertThat(header(cancelled, EventHeaders.CAUSATION_ID)).isEqualTo(placed.id().toString());
        assertThat(header(cancelled, EventHeaders.CORRELATION_ID)).isEqualTo(placed.correlationId().toString());

        payments.send(new PaymentCompleted(id, new CustomerId("alice"), total(), Money.of("955.00", "EUR")), placed);

        await().atMost(TIMEOUT).until(() -> orders.view(id).history().stream()
                .anyMatch(entry -> entry.event().equals("PaymentCompleted")));
        assertThat(orders.view(id).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(eventsOf(id, "OrderCancelled")).hasSize(1);
        assertThat(eventsOf(id, "OrderConfirmed")).isEmpty();
    }

    @Test
    void deadLettersAnOutcomeItCannotReadAndGoesOn() {
        OrderId id = placeOrder();
        EventMetadata placed = placedMetadata(id);

        payments.sendRaw(Topics.PAYMENTS, id.toString(), "{not json".getBytes(StandardCharsets.UTF_8),
                new RecordHeader(EventHeaders.TYPE, "PaymentCompleted".getBytes(StandardCharsets.UTF_8)),
                new RecordHeader(EventHeaders.ID, placed.id().toString().getBytes(StandardCharsets.UTF_8)));
        payments.send(new PaymentCompleted(OrderId.random(), new CustomerId("alice"), total(), total()), placed);
        payments.send(new PaymentCompleted(id, new CustomerId("alice"), total(), Money.of("955.00", "EUR")), placed);
        inventory.send(reservation(id), placed);

        await().atMost(TIMEOUT).until(() -> orders.view(id).status() == OrderStatus.CONFIRMED);
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(topics.readAll(Topics.PAYMENTS + ".DLT"))
                .anySatisfy(r -> {
                    assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
                    assertThat(header(r, "shop_dlt-root-cause")).contains("Unexpected character");
                })
                .anySatisfy(r -> assertThat(header(r, "kafka_dlt-exception-message")).contains("No order")));
    }

    @Test
    void retriesWithBackOffWhileTheOrderIsLockedAndDeadLettersNothing() throws Exception {
        OrderId id = placeOrder();
        EventMetadata placed = placedMetadata(id);

        try (Connection operator = DriverManager.getConnection("jdbc:h2:mem:order-service", "sa", "")) {
            // Another transaction holds the order's row: every attempt to settle it times out on the lock.
            operator.setAutoCommit(false);
            assertThat(lockedStatus(operator, id)).isEqualTo("PENDING");
            payments.send(new PaymentCompleted(id, new CustomerId("alice"), total(), Money.of("955.00", "EUR")), placed);
            inventory.send(reservation(id), placed);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                    .until(() -> lockedStatus(operator, id).equals("PENDING"));
            operator.rollback();
        }

        await().atMost(TIMEOUT).until(() -> orders.view(id).status() == OrderStatus.CONFIRMED);
        assertThat(topics.readAll(Topics.PAYMENTS + ".DLT", id)).isEmpty();
        assertThat(topics.readAll(Topics.INVENTORY + ".DLT", id)).isEmpty();
    }

    private static String lockedStatus(Connection connection, OrderId id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT status FROM orders WHERE id = ? FOR UPDATE")) {
            query.setObject(1, id.value());
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        }
    }

    private OrderId placeOrder() {
        return orders.place(new PlaceOrder(new CustomerId("alice"), "alice@example.com", Currency.getInstance("EUR"),
                List.of(new OrderLineItem("keyboard", 2, new BigDecimal("12.50")),
                        new OrderLineItem("mouse", 1, new BigDecimal("20.00"))))).id();
    }

    private EventMetadata placedMetadata(OrderId id) {
        await().atMost(TIMEOUT).until(() -> !eventsOf(id, "OrderPlaced").isEmpty());
        return EventMetadata.from(eventsOf(id, "OrderPlaced").get(0).headers());
    }

    private List<ConsumerRecord<String, byte[]>> eventsOf(OrderId id, String type) {
        return topics.readAll(Topics.ORDERS, id).stream().filter(r -> type.equals(header(r, EventHeaders.TYPE))).toList();
    }

    private static Money total() {
        return Money.of("45.00", "EUR");
    }

    private static InventoryUpdated reservation(OrderId id) {
        return new InventoryUpdated(id, List.of(new StockLevel(new ProductId("keyboard"), 2, 98),
                new StockLevel(new ProductId("mouse"), 1, 199)));
    }
}
