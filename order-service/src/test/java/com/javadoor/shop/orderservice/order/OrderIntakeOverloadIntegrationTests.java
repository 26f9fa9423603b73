package com.javadoor.shop.orderservice.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Load shedding over real HTTP: an intake that holds one waiting order, and many orders at the same
 * moment. Its own application context (a property differs), so it is kept to this one test.
 */
@OrderServiceIntegrationTest
@TestPropertySource(properties = {"shop.orders.intake.capacity=1", "shop.orders.intake.batch-size=1"})
class OrderIntakeOverloadIntegrationTests {

    private static final int AT_ONCE = 48;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void ordersBeyondTheIntakeGetAQuick503ProblemWithRetryAfterAndNothingOfThemIsStored() throws Exception {
        String customer = "c-" + UUID.randomUUID();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/orders"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(OrderPlacementIntegrationTests.order(customer, "1", "5.00")))
                .build();
        CyclicBarrier together = new CyclicBarrier(AT_ONCE);

        List<HttpResponse<String>> answers;
        ExecutorService clients = Executors.newFixedThreadPool(AT_ONCE);
        try {
            List<CompletableFuture<HttpResponse<String>>> sent = IntStream.range(0, AT_ONCE)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        try {
                            together.await();
                            return http.send(request, HttpResponse.BodyHandlers.ofString());
                        }
                        catch (Exception ex) {
                            throw new IllegalStateException(ex);
                        }
                    }, clients))
                    .toList();
            answers = sent.stream().map(CompletableFuture::join).toList();
        }
        finally {
            clients.shutdownNow();
        }

        List<HttpResponse<String>> refused = answers.stream().filter(answer -> answer.statusCode() == 503).toList();
        long accepted = answers.stream().filter(answer -> answer.statusCode() == 202).count();
        assertThat(accepted + refused.size()).isEqualTo(AT_ONCE);
        assertThat(accepted).isPositive();
        assertThat(refused).isNotEmpty().allSatisfy(answer -> {
            assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(answer.body()).contains("\"title\":\"Too many orders at once\"", "\"status\":503");
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM orders WHERE customer_id = ?", Long.class, customer))
                .isEqualTo(accepted);
    }
}
