package com.javadoor.shop.loadgenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code POST /api/orders}, each client thread on its own kept-alive {@link HttpConnection}. The order's
 * id is read from the {@code Location} header of the 202, so the body is never parsed. An open loop hands
 * its orders to a fixed set of {@code connections} threads; an order waits for a free one, and that wait
 * counts in its latency, which is measured from when the order was due.
 */
final class OrderPlacer implements AutoCloseable {

    private static final String JSON = "application/json";

    private final URI orderService;
    private final List<HttpConnection> opened = new CopyOnWriteArrayList<>();
    private final ThreadLocal<HttpConnection> connection;
    private final ExecutorService openLoopClients;

    OrderPlacer(URI orderService, int connections) {
        this.orderService = orderService;
        this.connection = ThreadLocal.withInitial(() -> {
            HttpConnection created = new HttpConnection(orderService);
            opened.add(created);
            return created;
        });
        this.openLoopClients = Executors.newFixedThreadPool(connections, task -> {
            Thread thread = new Thread(task, "open-loop-client");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Completes when the answer is in: with the order's id on a 202, exceptionally otherwise. */
    CompletableFuture<UUID> place(Scenario scenario) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return placeAndWait(scenario);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }, openLoopClients);
    }

    UUID placeAndWait(Scenario scenario) throws IOException {
        return orderId(connection.get().post("/api/orders", JSON, scenario.body()));
    }

    /**
     * Empties the demo mail server (GreenMail keeps every mail in its heap), so a long run does not fill it
     * up and slow down or break email-service's sends. Nothing happens when there is no such server.
     */
    void purgeMails(URI mailServer) {
        try (HttpConnection mail = new HttpConnection(mailServer)) {
            mail.post("/api/mail/purge", JSON, new byte[0]);
        }
        catch (IOException ex) {
            // no mail server to purge
        }
    }

    @Override
    public void close() {
        openLoopClients.shutdownNow();
        opened.forEach(HttpConnection::close);
    }

    private static UUID orderId(HttpConnection.Response response) {
        if (response.status() != 202) {
            // Retry-After may also be an HTTP date; only the shop's form, whole seconds, is honoured.
            String retryAfter = response.header("Retry-After");
            throw new RejectedOrderException(response.status(),
                    retryAfter != null && retryAfter.matches("\\d{1,6}") ? Long.parseLong(retryAfter) : 0L);
        }
        String location = response.header("Location");
        if (location == null) {
            throw new RejectedOrderException(response.status(), 0);
        }
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
