package com.javadoor.shop.emailservice.notification;

import static com.javadoor.shop.emailservice.TestMailServer.subjectsOfMailsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import com.javadoor.shop.emailservice.EmailServiceIntegrationTest;
import com.javadoor.shop.events.CustomerId;
import com.javadoor.shop.events.Money;
import com.javadoor.shop.events.OrderConfirmed;
import com.javadoor.shop.events.OrderId;
import com.javadoor.shop.messaging.EventMetadata;
import com.javadoor.shop.testsupport.TestEventProducer;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@EmailServiceIntegrationTest
class NotificationApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    GreenMail mailServer;

    @Autowired
    JdbcTemplate jdbc;

    private final TestEventProducer orderService = TestEventProducer.ofSharedBroker("order-service");

    @AfterEach
    void closeProducer() {
        orderService.close();
    }

    @Test
    void listsTheMailsOfAnOrderNewestFirst() throws Exception {
        OrderId orderId = OrderId.random();
        String customer = "customer-" + UUID.randomUUID() + "@example.com";
        mailPlacedAndConfirmed(orderId, customer);

        mvc.perform(get("/api/notifications").param("orderId", orderId.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(2))
                .andExpect(jsonPath("$.content[0].orderId").value(orderId.toString()))
                .andExpect(jsonPath("$.content[0].about").value("OrderConfirmed"))
                .andExpect(jsonPath("$.content[0].recipient").value(customer))
                .andExpect(jsonPath("$.content[0].subject").value("Your order " + orderId + " is confirmed"))
                .andExpect(jsonPath("$.content[0].sentAt").isNotEmpty())
                .andExpect(jsonPath("$.content[1].about").value("OrderPlaced"))
                .andExpect(jsonPath("$.content[1].subject").value("We received your order " + orderId));
        mvc.perform(get("/api/notifications").param("orderId", UUID.randomUUID().toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(0))
                .andExpect(jsonPath("$.content").isEmpty());
    }

    @Test
    void listsAllMailsNewestFirstInPages() throws Exception {
        OrderId older = OrderId.random();
        OrderId newer = OrderId.random();
        mailPlacedAndConfirmed(older, "customer-" + UUID.randomUUID() + "@example.com");
        mailPlacedAndConfirmed(newer, "customer-" + UUID.randomUUID() + "@example.com");

        mvc.perform(get("/api/notifications").param("size", "3"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.size").value(3))
                .andExpect(jsonPath("$.content.length()").value(3))
                .andExpect(jsonPath("$.content[0].orderId").value(newer.toString()))
                .andExpect(jsonPath("$.content[0].about").value("OrderConfirmed"))
                .andExpect(jsonPath("$.content[1].orderId").value(newer.toString()))
                .andExpect(jsonPath("$.content[1].about").value("OrderPlaced"))
                .andExpect(jsonPath("$.content[2].orderId").value(older.toString()))
                .andExpect(jsonPath("$.content[2].about").value("OrderConfirmed"));
    }

    @Test
    void badParametersAreProblems() throws Exception {
        mvc.perform(get("/api/notifications").param("orderId", "not-a-uuid"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        mvc.perform(get("/api/notifications").param("size", "1000"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE));
    }

    private void mailPlacedAndConfirmed(OrderId orderId, String customer) {
        EventMetadata placed = orderService.send(OrderNotificationIntegrationTests.placed(orderId, customer));
        orderService.send(new OrderConfirmed(orderId, new CustomerId("c-1"), customer, Money.of("45.00", "EUR")),
                placed);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(subjectsOfMailsTo(mailServer, customer))
                .hasSize(2));
        // The mail leaves just before its record commits, so the record may trail the mail by a moment.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE order_id = ?", Integer.class, orderId.value()))
                .isEqualTo(2));
    }
}
