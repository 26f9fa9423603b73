package com.javadoor.shop.orderservice.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * More than a thousand malformed, oversized and hostile requests against the real HTTP server: every
 * one is answered with a 4xx problem, none with a 5xx, and none stores an order or an event.
 */
@OrderServiceIntegrationTest
class HostileInputIntegrationTests {

    private static final String VALID = """
            {"customerId":"alice","customerEmail":"alice@example.com","currency":"EUR",\
            "items":[{"productId":"keyboard","quantity":2,"unitPrice":"12.50"}]}""";

    /** Ways to break a valid body; each yields a request the API must refuse. */
    private static final List<UnaryOperator<String>> BREAKS = List.of(
            body -> body.replace("\"quantity\":2", "\"quantity\":0"),
            body -> body.replace("\"quantity\":2", "\"quantity\":-3"),
            body -> body.replace("\"quantity\":2", "\"quantity\":99999999999999999999999"),
            body -> body.replace("\"quantity\":2", "\"quantity\":1e400"),
            body -> body.replace("\"quantity\":2", "\"quantity\":1001"),
            body -> body.replace("\"quantity\":2", "\"quantity\":\"lots\""),
            body -> body.replace("\"quantity\":2", "\"quantity\":[2]"),
            body -> body.replace("\"quantity\":2", "\"quantity\":{\"n\":2}"),
            body -> body.replace("\"quantity\":2", "\"quantity\":null"),
            body -> body.replace("\"unitPrice\":\"12.50\"", "\"unitPrice\":\"-12.50\""),
            body -> body.replace("\"unitPrice\":\"12.50\"", "\"unitPrice\":\"0\""),
            body -> body.replace("\"unitPrice\":\"12.50\"", "\"unitPrice\":\"12.505\""),
            body -> body.replace("\"unitPrice\":\"12.50\"", "\"unitPrice\":\"1e999999\""),
            body -> body.replace("\"unitPrice\":\"12.50\"", "\"unitPrice\":\"NaN\""),
            body -> body.replace("\"unitPrice\":\"12.50\"", "\"unitPrice\":\"twelve\""),
            body -> body.replace("\"unitPrice\":\"12.50\"", "\"unitPrice\":99999999999.99"),
            body -> body.replace("\"currency\":\"EUR\"", "\"currency\":\"eur\""),
            body -> body.replace("\"currency\":\"EUR\"", "\"currency\":\"XXXX\""),
            body -> body.replace("\"currency\":\"EUR\"", "\"currency\":42"),
            body -> body.replace("alice@example.com", "not-an-email"),
            body -> body.replace("alice@example.com", "a".repeat(300) + "@example.com"),
            body -> body.replace("\"customerId\":\"alice\"", "\"customerId\":\"\""),
            body -> body.replace("\"customerId\":\"alice\"", "\"customerId\":\"' OR 1=1 --\""),
            body -> body.replace("\"customerId\":\"alice\"", "\"customerId\":\"<script>alert(1)</script>\""),
            body -> body.replace("\"customerId\":\"alice\"", "\"customerId\":\"" + "x".repeat(1_000_000) + "\""),
            body -> body.replace("\"customerId\":\"alice\"", "\"customerId\":\"al\\u0000ice\""),
            body -> body.replace("\"customerId\":\"alice\"", "\"customerId\":[\"alice\"]"),
            body -> body.replace("\"productId\":\"keyboard\"", "\"productId\":\"../../etc/passwd\""),
            body -> body.replace("\"productId\":\"keyboard\"", "\"productId\":null"),
            body -> body.replace("\"items\":[", "\"items\":[null,"),
            body -> body.replace("\"items\":[{\"productId\":\"keyboard\",\"quantity\":2,\"unitPrice\":\"12.50\"}]",
                    "\"items\":[]"),
            body -> body.replace("\"items\":[{", "\"items\":[" + "{\"productId\":\"p\",\"quantity\":1,\"unitPrice\":\"1.00\"},"
                    .repeat(60) + "{"),
            body -> body.replaceFirst("\\{", "{\"admin\":true,"),
            body -> body.replaceFirst("\\{", "{\"id\":\"00000000-0000-0000-0000-000000000000\","),
            body -> body.replace("\"unitPrice\":\"12.50\"", "\"unitPrice\":\"12.50\",\"discount\":\"100%\""),
            body -> body.substring(0, body.length() / 2),
            body -> body + "garbage",
            body -> "[" + body + "]",
            body -> "\"" + body.replace("\"", "\\\"") + "\"",
            body -> "{".repeat(5000) + "}".repeat(5000),
            body -> "",
            body -> "null",
            body -> body.replace("\"customerEmail\":\"alice@example.com\",", ""),
            body -> body.replace("\"currency\":\"EUR\",", ""));

    private static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void refusesEveryHostileRequestWithAClientErrorAndStoresNothing() throws Exception {
        long ordersBefore = count("orders");
        long outboxBefore = count("outbox_event");
        Random random = new Random(2026);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();

        for (int i = 0; i < 1200; i++) {
            HttpRequest request = hostile(i, random);
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            statuses.merge(response.statusCode(), 1, Integer::sum);
            if (response.statusCode() < 400 || response.statusCode() >= 500) {
                failures.add("#" + i + " " + request.headers().firstValue("Content-Type").orElse("-") + " -> "
                        + response.statusCode() + " " + response.body().substring(0, Math.min(200, response.body().length())));
            }
        }

        assertThat(failures).as("requests not answered 4xx; statuses %s", statuses).isEmpty();
        assertThat(count("orders")).isEqualTo(ordersBefore);
        assertThat(count("outbox_event")).isLessThanOrEqualTo(outboxBefore);
    }

    /** Each request breaks the valid one in one or two ways, or sends what is not JSON at all. */
    private HttpRequest hostile(int i, Random random) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/orders"));
        if (i % 10 == 9) {
            return request.header("Content-Type", WRONG_CONTENT_TYPES.get(random.nextInt(WRONG_CONTENT_TYPES.size())))
                    .POST(HttpRequest.BodyPublishers.ofString(VALID)).build();
        }
        if (i % 10 == 8) {
            byte[] brokenUtf8 = VALID.replace("alice@", "al\u00e9ice@").getBytes(StandardCharsets.UTF_8);
            brokenUtf8[brokenUtf8.length / 3] = (byte) 0xC3;
            brokenUtf8[brokenUtf8.length / 3 + 1] = (byte) 0x28;
            return request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(brokenUtf8)).build();
        }
        String body = BREAKS.get(random.nextInt(BREAKS.size())).apply(VALID);
        if (random.nextBoolean()) {
            body = BREAKS.get(random.nextInt(BREAKS.size())).apply(body);
        }
        return request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }
}
