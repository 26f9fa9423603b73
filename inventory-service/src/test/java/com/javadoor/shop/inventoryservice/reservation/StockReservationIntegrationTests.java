package com.javadoor.shop.inventoryservice.reservation;

import static com.javadoor.shop.inventoryservice.reservation.TestOrders.cancelled;
import static com.javadoor.shop.inventoryservice.reservation.TestOrders.awaitOrdersTopicConsumed;
import static com.javadoor.shop.inventoryservice.reservation.TestOrders.confirmed;
import static com.javadoor.shop.inventoryservice.reservation.TestOrders.deadLetterFailures;
import static com.javadoor.shop.inventoryservice.reservation.TestOrders.decode;
import static com.javadoor.shop.inventoryservice.reservation.TestOrders.inventoryRecords;
import static com.javadoor.shop.inventoryservice.reservation.TestOrders.line;
import static com.javadoor.shop.inventoryservice.reservation.TestOrders.placed;
import static com.javadoor.shop.testsupport.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.javadoor.shop.events.EventHeaders;
import com.javadoor.shop.events.InventoryRejected;
import com.javadoor.shop.events.InventoryReleased;
import com.javadoor.shop.events.InventoryUpdated;
import com.javadoor.shop.events.OrderCancelled;
import com.javadoor.shop.events.OrderId;
import com.javadoor.shop.events.OrderPlaced;
import com.javadoor.shop.events.ProductId;
import com.javadoor.shop.events.StockLevel;
import com.javadoor.shop.events.Topics;
import com.javadoor.shop.messaging.EventMetadata;
import com.javadoor.shop.testsupport.TestEventProducer;
import com.javadoor.shop.testsupport.WithSharedKafkaBroker;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@WithSharedKafkaBroker
class StockReservationIntegrationTests {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    private TestProducts products;
    private TestEventProducer orderService;

    @BeforeEach
    void setUp() {
        products = new TestProducts(jdbc);
        orderService = TestEventProducer.ofSharedBroker("order-service");
    }

    @AfterEach
    void tearDown() {
        orderService.close();
    }

    @Test
    void reservesEveryLineAndAnswersWithOneInventoryUpdatedCausedByTheOrder() throws Exception {
        ProductId keyboard = products.create(10);
        ProductId mouse = products.create(5);
        OrderPlaced order = placed(line(keyboard, 2), line(mouse, 5));

        EventMetadata placed = orderService.send(order);

        ConsumerRecord<String, byte[]> answer = onlyAnswerTo(order.orderId());
        assertThat(answer.key()).isEqualTo(order.orderId().toString());
        assertThat(header(answer, EventHeaders.TYPE)).isEqualTo("InventoryUpdated");
        assertThat(header(answer, EventHeaders.SOURCE)).isEqualTo("inventory-service");
        assertThat(header(answer, EventHeaders.CAUSATION_ID)).isEqualTo(placed.id().toString());
        assertThat(header(answer, EventHeaders.CORRELATION_ID)).isEqualTo(placed.correlationId().toString());
        assertThat(decode(answer)).isEqualTo(new InventoryUpdated(order.orderId(),
                List.of(new StockLevel(keyboard, 2, 8), new StockLevel(mouse, 5, 0))));
        products.assertStock(keyboard, 8, 2);
        products.assertStock(mouse, 0, 5);
        mvc.perform(get("/api/reservations").param("orderId", order.orderId().toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RESERVED"))
                .andExpect(jsonPath("$.lines[0].productId").value(keyboard.value()))
                .andExpect(jsonPath("$.lines[0].quantity").value(2))
                .andExpect(jsonPath("$.lines[1].productId").value(mouse.value()))
                .andExpect(jsonPath("$.lines[1].quantity").value(5));
    }

    @Test
    void reservesNothingWhenOneLineIsShortAndNamesThatProduct() throws Exception {
        ProductId plenty = products.create(5);
        ProductId lastOne = products.create(1);
        OrderPlaced order = placed(line(plenty, 2), line(lastOne, 2));

        orderService.send(order);

        String reason = "Only 1 of " + lastOne + " left, 2 requested";
        assertThat(decode(onlyAnswerTo(order.orderId())))
                .isEqualTo(new InventoryRejected(order.orderId(), lastOne, 2, 1, reason));
        products.assertStock(plenty, 5, 0);
        products.assertStock(lastOne, 1, 0);
        mvc.perform(get("/api/reservations").param("orderId", order.orderId().toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.reason").value(reason));
    }

    @Test
    void addsUpTheLinesOfOneProduct() {
        ProductId lastOne = products.create(1);
        OrderPlaced order = placed(line(lastOne, 1), line(lastOne, 1));

        orderService.send(order);

        assertThat(decode(onlyAnswerTo(order.orderId()))).isEqualTo(new InventoryRejected(order.orderId(), lastOne,
                2, 1, "Only 1 of " + lastOne + " left, 2 requested"));
        products.assertStock(lastOne, 1, 0);
    }

    @Test
    void rejectsAnOrderForAnUnknownProduct() {
        ProductId known = products.create(5);
        ProductId unknown = new ProductId("no-such-product-" + UUID.randomUUID());
        OrderPlaced order = placed(line(known, 1), line(unknown, 3));

        orderService.send(order);

        assertThat(decode(onlyAnswerTo(order.orderId())))
                .isEqualTo(new InventoryRejected(order.orderId(), unknown, 3, 0, "Unknown product " + unknown));
        products.assertStock(known, 5, 0);
    }

    @Test
    void releasesTheStockOfACancelledOrder() throws Exception {
        ProductId webcam = products.create(10);
        OrderPlaced order = placed(line(webcam, 3));
        EventMetadata placed = orderService.send(order);
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(inventoryRecords(order.orderId())).hasSize(1));
        products.assertStock(webcam, 7, 3);

        EventMetadata cancellation = orderService.send(cancelled(order.orderId(), "Payment declined"), placed);

        List<ConsumerRecord<String, byte[]>> answers = await().atMost(EVENTUALLY)
                .until(() -> inventoryRecords(order.orderId()), records -> records.size() == 2);
        ConsumerRecord<String, byte[]> release = answers.get(1);
        assertThat(header(release, EventHeaders.CAUSATION_ID)).isEqualTo(cancellation.id().toString());
        assertThat(decode(release))
                .isEqualTo(new InventoryReleased(order.orderId(), List.of(new StockLevel(webcam, 3, 10))));
        products.assertStock(webcam, 10, 0);
        mvc.perform(get("/api/reservations").param("orderId", order.orderId().toString()))
                .andExpect(jsonPath("$.status").value("RELEASED"))
                .andExpect(jsonPath("$.reason").value("Payment declined"));
    }

    @Test
    void aCancelledOrderThatHoldsNoStockChangesNothing() {
        ProductId lastOne = products.create(1);
        OrderPlaced refused = placed(line(lastOne, 2));
        EventMetadata placed = orderService.send(refused);
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(inventoryRecords(refused.orderId())).hasSize(1));
        OrderCancelled neverSeen = cancelled(OrderId.random(), "Payment declined");

        EventMetadata afterRejection = orderService.send(cancelled(refused.orderId(), "Out of stock"), placed);
        EventMetadata withoutReservation = orderService.send(neverSeen);

        await().atMost(EVENTUALLY).until(() -> processed(afterRejection) && processed(withoutReservation));
        awaitOutboxDrained();
        assertThat(inventoryRecords(refused.orderId())).hasSize(1);
        assertThat(inventoryRecords(neverSeen.orderId())).isEmpty();
        products.assertStock(lastOne, 1, 0);
    }

    @Test
    void aRedeliveredOrderIsReservedOnce() {
        ProductId monitor = products.create(10);
        OrderPlaced order = placed(line(monitor, 3));
        EventMetadata placed = orderService.send(order);

        orderService.resend(order, placed);
        // Same key, so handled after the repeat: what it gives back shows what the repeat held.
        EventMetadata cancellation = orderService.send(cancelled(order.orderId(), "Changed my mind"), placed);

        await().atMost(EVENTUALLY).until(() -> processed(cancellation));
        awaitOutboxDrained();
        assertThat(inventoryRecords(order.orderId())).map(TestOrders::decode)
                .hasExactlyElementsOfTypes(InventoryUpdated.class, InventoryReleased.class);
        products.assertStock(monitor, 10, 0);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reservation WHERE order_id = ?", Integer.class,
                order.orderId().value())).isEqualTo(1);
        assertThat(deadLetterFailures(order.orderId())).isEmpty();
    }

    @Test
    void aConfirmedOrderKeepsItsUnitsReserved() throws Exception {
        ProductId keyboard = products.create(10);
        OrderPlaced order = placed(line(keyboard, 2));
        EventMetadata placed = orderService.send(order);
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(inventoryRecords(order.orderId())).hasSize(1));

        orderService.send(confirmed(order), placed);

        awaitOrdersTopicConsumed();
        awaitOutboxDrained();
        assertThat(inventoryRecords(order.orderId())).hasSize(1);
        products.assertStock(keyboard, 8, 2);
        assertThat(deadLetterFailures(order.orderId())).isEmpty();
        mvc.perform(get("/api/reservations").param("orderId", order.orderId().toString()))
                .andExpect(jsonPath("$.status").value("RESERVED"));
    }

    @Test
    void anOrderWithoutReservationIsANotFoundProblem() throws Exception {
        mvc.perform(get("/api/reservations").param("orderId", UUID.randomUUID().toString()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Reservation not found"));
        mvc.perform(get("/api/reservations").param("orderId", "not-a-uuid"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/reservations"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    /** Waits for the first answer, then for the outbox to drain, so a second answer would be seen too. */
    private ConsumerRecord<String, byte[]> onlyAnswerTo(OrderId order) {
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(inventoryRecords(order)).isNotEmpty());
        awaitOutboxDrained();
        List<ConsumerRecord<String, byte[]>> answers = inventoryRecords(order);
        assertThat(answers).hasSize(1);
        return answers.get(0);
    }

    /** Once the outbox is empty, whatever the service published is on the broker. */
    private void awaitOutboxDrained() {
        await().atMost(EVENTUALLY)
                .until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event", Integer.class) == 0);
    }

    private boolean processed(EventMetadata event) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", Integer.class,
                event.id()) == 1;
    }
}
