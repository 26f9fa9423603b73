package com.javadoor.shop.orderservice.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Load shedding as a client sees it: a shop whose backlog limit is already reached (0 here, so every order
 * finds it reached). Its own application context, as a property differs, so it is kept to this class.
 */
@OrderServiceIntegrationTest
@TestPropertySource(properties = "shop.orders.intake.max-pending=0")
class OrderIntakeOverloadIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void anOrderBeyondTheBacklogGetsA503ProblemWithRetryAfterAndNothingIsStored() throws Exception {
        String customer = "c-" + UUID.randomUUID();

        mvc.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON)
                        .content(OrderPlacementIntegrationTests.order(customer, "1", "5.00")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.title").value("Too many orders at once"))
                .andExpect(jsonPath("$.status").value(503))
                .andExpect(jsonPath("$.instance").value("/api/orders"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.endsWith(
                        "orders are waiting for their outcomes; try again in 1 s")));

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM orders WHERE customer_id = ?", Long.class, customer))
                .isZero();
    }

    @Test
    void theRefusalComesBeforeTheBodyIsReadAndReadingOrdersStillWorks() throws Exception {
        mvc.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON).content("{\"not\": \"an order\""))
                .andExpect(status().isServiceUnavailable());

        mvc.perform(get("/api/orders")).andExpect(status().isOk());
    }

    @Test
    void aRefusalIsCountedInTheRequestMetricsLikeAnyAnsweredRequest() throws Exception {
        double before = refusals();

        mvc.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON)
                        .content(OrderPlacementIntegrationTests.order("c-" + UUID.randomUUID(), "1", "5.00")))
                .andExpect(status().isServiceUnavailable());

        assertThat(refusals()).isEqualTo(before + 1);
    }

    private double refusals() {
        return meters.find("http.server.requests").tag("method", "POST").tag("status", "503").timers().stream()
                .mapToDouble(timer -> timer.count()).sum();
    }
}
