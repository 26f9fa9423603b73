package com.javadoor.shop.loadgenerator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /api/orders} with the JDK's HTTP client. The order's id is read from the {@code Location}
 * header of the 202, so the body is never parsed.
 */
final class OrderPlacer {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI orders;

    OrderPlacer(URI orderService) {
        this.orders = orderService.resolve("/api/orders");
    }

    /** Completes when the answer is in: with the order's id on a 202, exceptionally otherwise. */
    CompletableFuture<UUID> place(Scenario scenario) {
        return http.sendAsync(request(scenario), HttpResponse.BodyHandlers.discarding())
                .thenApply(OrderPlacer::orderId);
    }

    /**
     * Empties the demo mail server (GreenMail keeps every mail in its heap), so a long run does not fill it
     * up and slow down or break email-service's sends. Nothing happens when there is no such server.
     */
    void purgeMails(URI mailServer) {
        try {
            http.send(HttpRequest.newBuilder(mailServer.resolve("/api/mail/purge")).timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        }
        catch (java.io.IOException ex) {
            // no mail server to purge
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    UUID placeAndWait(Scenario scenario) throws Exception {
        return orderId(http.send(request(scenario), HttpResponse.BodyHandlers.discarding()));
    }

    private HttpRequest request(Scenario scenario) {
        return HttpRequest.newBuilder(orders).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(scenario.body())).build();
    }

    private static UUID orderId(HttpResponse<Void> response) {
        if (response.statusCode() != 202) {
            // Retry-After may also be an HTTP date; only the shop's form, whole seconds, is honoured.
            throw new RejectedOrderException(response.statusCode(), response.headers().firstValue("Retry-After")
                    .filter(value -> value.matches("\\d{1,6}")).map(Long::parseLong).orElse(0L));
        }
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new RejectedOrderException(response.statusCode(), 0));
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    static final class RejectedOrderException extends RuntimeException {

        private final int status;
        private final long retryAfterSeconds;

        RejectedOrderException(int status, long retryAfterSeconds) {
            super("HTTP " + status, null, false, false);
            this.status = status;
            this.retryAfterSeconds = retryAfterSeconds;
        }

        String kind() {
            return "HTTP " + status;
        }

        /** What a 503 of the shop's load shedding asks the client to wait, 0 if it asks nothing. */
        long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
