package com.javadoor.shop.systemtests;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a customer or an operator does with the shop: plain HTTP against the services' REST APIs. */
public final class ShopClient {

    public record Line(String productId, int quantity, String unitPrice) {
    }

    private static final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Shop shop;

    public ShopClient(Shop shop) {
        this.shop = shop;
    }

    /** Places an order and returns its id; fails unless the answer is 202 Accepted. */
    public String placeOrder(String customerId, String email, Line... lines) {
        HttpResponse<String> response = send(placement(customerId, email, lines).build());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("Order not accepted: " + response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body()).get("id").asString();
    }

    /**
     * One try at placing an order under an {@code Idempotency-Key}, as a client that retries does: empty
     * when the order service cannot be reached or answers with a server error, so the caller may try
     * again with the same key and never gets two orders.
     */
    public Optional<String> tryPlaceOrder(String idempotencyKey, String customerId, String email, Line... lines) {
        HttpResponse<String> response;
        try {
            response = http.send(placement(customerId, email, lines).header("Idempotency-Key", idempotencyKey)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            return Optional.empty();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        if (response.statusCode() >= 500) {
            return Optional.empty();
        }
        if (response.statusCode() != 202) {
            throw new IllegalStateException("Order not accepted: " + response.statusCode() + " " + response.body());
        }
        return Optional.of(json.readTree(response.body()).get("id").asString());
    }

    private HttpRequest.Builder placement(String customerId, String email, Line... lines) {
        String items = java.util.Arrays.stream(lines)
                .map(line -> "{\"productId\":\"%s\",\"quantity\":%d,\"unitPrice\":\"%s\"}"
                        .formatted(line.productId(), line.quantity(), line.unitPrice()))
                .collect(Collectors.joining(","));
        String body = "{\"customerId\":\"%s\",\"customerEmail\":\"%s\",\"currency\":\"EUR\",\"items\":[%s]}"
                .formatted(customerId, email, items);
        return HttpRequest.newBuilder(shop.orders.uri("/api/orders"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    public JsonNode order(String id) {
        return get(shop.orders.uri("/api/orders/" + id));
    }

    public String status(String orderId) {
        return order(orderId).get("status").asString();
    }

    /** Every order the shop has, across all pages. */
    public List<JsonNode> allOrders() {
        List<JsonNode> orders = new ArrayList<>();
        for (int page = 0;; page++) {
            JsonNode result = get(shop.orders.uri("/api/orders?size=100&page=" + page));
            result.get("content").forEach(orders::add);
            if (page + 1 >= result.get("totalPages").asInt()) {
                return orders;
            }
        }
    }

    public BigDecimal balance(String customerId) {
        return get(shop.payments.uri("/api/customers/" + customerId)).get("balance").decimalValue();
    }

    public Map<String, BigDecimal> balances() {
        Map<String, BigDecimal> balances = new java.util.TreeMap<>();
        get(shop.payments.uri("/api/customers")).forEach(c -> balances.put(c.get("id").asString(),
                c.get("balance").decimalValue()));
        return balances;
    }

    public JsonNode payments(String orderId) {
        return get(shop.payments.uri("/api/payments?orderId=" + orderId));
    }

    public JsonNode product(String productId) {
        return get(shop.inventory.uri("/api/products/" + productId));
    }

    public Map<String, JsonNode> products() {
        Map<String, JsonNode> products = new java.util.TreeMap<>();
        get(shop.inventory.uri("/api/products")).forEach(p -> products.put(p.get("id").asString(), p));
        return products;
    }

    public JsonNode notifications(String orderId) {
        return get(shop.email.uri("/api/notifications?orderId=" + orderId));
    }

    /** The inventory service's answer to an order: its reservation, or empty while it has none. */
    public Optional<JsonNode> reservation(String orderId) {
        URI uri = shop.inventory.uri("/api/reservations?orderId=" + orderId);
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri).GET().build());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + " " + response.body());
        }
        return Optional.of(json.readTree(response.body()));
    }

    private JsonNode get(URI uri) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri).GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new IllegalStateException(request.uri() + " failed", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
