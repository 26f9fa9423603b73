package com.javadoor.shop.orderservice.order;

import static com.javadoor.shop.testsupport.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.javadoor.shop.events.CustomerId;
import com.javadoor.shop.events.EventHeaders;
import com.javadoor.shop.events.Money;
import com.javadoor.shop.events.OrderId;
import com.javadoor.shop.events.OrderLine;
import com.javadoor.shop.events.OrderPlaced;
import com.javadoor.shop.events.ProductId;
import com.javadoor.shop.events.Topics;
import com.javadoor.shop.messaging.EventPublisher;
import com.javadoor.shop.testsupport.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@OrderServiceIntegrationTest
class OrderPlacementIntegrationTests {

    private static final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    private final TopicReader topics = TopicReader.ofSharedBroker();

    @Test
    void placingAnOrderStoresItAndPublishesExactlyOneOrderPlaced() throws Exception {
        String customer = "cust-" + UUID.randomUUID();

        MvcResult result = mvc.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON)
                        .content(order(customer, "2", "12.50")))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/orders/")))
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.total").value(45.00))
                .andReturn();
        String id = json.readTree(result.getResponse().getContentAsString()).get("id").asString();

        mvc.perform(get("/api/orders/{id}", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.customerId").value(customer))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.history[0].event").value("OrderPlaced"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(topics.readAll(Topics.ORDERS, id)).hasSize(1));
        ConsumerRecord<String, byte[]> record = topics.readAll(Topics.ORDERS, id).get(0);
        assertThat(header(record, EventHeaders.TYPE)).isEqualTo("OrderPlaced");
        assertThat(header(record, EventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(record, EventHeaders.SOURCE)).isEqualTo("order-service");
        assertThat(header(record, EventHeaders.SCHEMA_VERSION)).isEqualTo("1");
        assertThat(header(record, EventHeaders.SUBJECT)).isEqualTo(id);
        assertThat(UUID.fromString(header(record, EventHeaders.ID))).isNotNull();
        assertThat(header(record, EventHeaders.CORRELATION_ID)).isEqualTo(header(record, EventHeaders.ID));
        assertThat(header(record, EventHeaders.CAUSATION_ID)).isNull();
        JsonNode body = json.readTree(new String(record.value(), StandardCharsets.UTF_8));
        assertThat(body.get("orderId").asString()).isEqualTo(id);
        assertThat(body.get("customerId").asString()).isEqualTo(customer);
        assertThat(body.get("total").get("amount").asString()).isEqualTo("45.00");
        assertThat(body.get("lines").get(0).get("unitPrice").get("amount").asString()).isEqualTo("12.50");
        await().untilAsserted(() -> assertThat(outboxSize()).isZero());
    }

    @Test
    void anInvalidOrderIsRejectedWithEveryBadFieldAndNothingIsStoredOrPublished() throws Exception {
        String customer = "cust-" + UUID.randomUUID();
        long ordersBefore = orderCount();

        mvc.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON)
                        .content(order(customer, "0", "-1").replace("alice@example.com", "not-an-email")
                                .replace("\"EUR\"", "\"XYZ\"")))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "customerEmail", "currency", "items[0].quantity", "items[0].unitPrice")));

        assertThat(orderCount()).isEqualTo(ordersBefore);
        assertThat(outboxSize()).isZero();
        assertThat(topics.readAll(Topics.ORDERS)).noneMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains(customer));
    }

    @Test
    void anIdempotencyKeyThatIsNotPrintableAsciiIsRejectedWithTheBodysBadFieldsInOneProblem() throws Exception {
        long ordersBefore = orderCount();

        mvc.perform(post("/api/orders").header("Idempotency-Key", "two words").contentType(MediaType.APPLICATION_JSON)
                        .content(order("cust-" + UUID.randomUUID(), "1", "5.00")))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.detail").value("A parameter is not valid"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("idempotencyKey")));
        mvc.perform(post("/api/orders").header("Idempotency-Key", "two words").contentType(MediaType.APPLICATION_JSON)
                        .content(order("cust-" + UUID.randomUUID(), "0", "5.00")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The order is not valid"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "idempotencyKey", "items[0].quantity")));

        assertThat(orderCount()).isEqualTo(ordersBefore);
    }

    @Test
    void malformedJsonWrongContentTypeAndUnknownFieldsAreClientErrors() throws Exception {
        mvc.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON).content("{\"customerId\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").exists());
        mvc.perform(post("/api/orders").contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.status").value(415));
        mvc.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON)
                        .content(order("c-1", "1", "1.00").replaceFirst("\\{", "{\"admin\": true,")))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON)
                        .content(order("c-1", "99999999999999999999", "1.00")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void anUnknownOrderIsANotFoundProblem() throws Exception {
        mvc.perform(get("/api/orders/{id}", UUID.randomUUID()))
                .andExpect(status().isNotFound())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.title").value("Order not found"));
        mvc.perform(get("/api/orders/{id}", "not-a-uuid"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheSameOrderAndPlacesNoOther() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = order("c-" + key, "1", "12.50");

        String first = placedId(body, key);
        String retry = placedId(body.replace("12.50", "12.5"), key);

        assertThat(retry).isEqualTo(first);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM orders WHERE customer_id = ?", Long.class, "c-" + key))
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(topics.readAll(Topics.ORDERS, first)).hasSize(1));
    }

    @Test
    void theSameIdempotencyKeyWithAnotherOrderIsAProblem() throws Exception {
        String key = UUID.randomUUID().toString();
        placedId(order("c-" + key, "1", "12.50"), key);

        mvc.perform(post("/api/orders").header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                        .content(order("c-" + key, "3", "12.50")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("Idempotency-Key reused"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM orders WHERE customer_id = ?", Long.class, "c-" + key))
                .isEqualTo(1);
    }

    @Test
    void aRolledBackTransactionPublishesNothing() throws Exception {
        OrderId rolledBack = OrderId.random();
        transaction.executeWithoutResult(status -> {
            events.publish(new OrderPlaced(rolledBack, new CustomerId("alice"), "alice@example.com",
                    List.of(new OrderLine(new ProductId("keyboard"), 1, Money.of("1.00", "EUR"))),
                    Money.of("1.00", "EUR")));
            status.setRollbackOnly();
        });
        String committed = placedId("c-after-rollback");

        // The relay sends in outbox order: once the later order is out, the rolled-back one would be too.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(topics.readAll(Topics.ORDERS, committed)).hasSize(1));
        assertThat(topics.readAll(Topics.ORDERS, rolledBack)).isEmpty();
    }

    @Test
    void listsOrdersNewestFirst() throws Exception {
        String first = placedId("c-list");
        String second = placedId("c-list");

        mvc.perform(get("/api/orders").param("size", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].id").value(second))
                .andExpect(jsonPath("$.content[1].id").value(first))
                .andExpect(jsonPath("$.size").value(2));
        mvc.perform(get("/api/orders").param("size", "1000"))
                .andExpect(status().isBadRequest());
    }

    private String placedId(String customer) throws Exception {
        MvcResult result = mvc.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .content(order(customer, "1", "5.00"))).andExpect(status().isAccepted()).andReturn();
        return json.readTree(result.getResponse().getContentAsString()).get("id").asString();
    }

    private String placedId(String body, String idempotencyKey) throws Exception {
        MvcResult result = mvc.perform(post("/api/orders").header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isAccepted()).andReturn();
        return json.readTree(result.getResponse().getContentAsString()).get("id").asString();
    }

    static String order(String customer, String quantity, String unitPrice) {
        return """
                {"customerId": "%s", "customerEmail": "alice@example.com", "currency": "EUR",
                 "items": [{"productId": "keyboard", "quantity": %s, "unitPrice": "%s"},
                           {"productId": "mouse", "quantity": 1, "unitPrice": "20.00"}]}
                """.formatted(customer, quantity, unitPrice);
    }

    private long orderCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM orders", Long.class);
    }

    private long outboxSize() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event", Long.class);
    }
}
