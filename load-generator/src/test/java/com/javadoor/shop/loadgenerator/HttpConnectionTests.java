package com.javadoor.shop.loadgenerator;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against the JDK's own HTTP server, which answers with a Content-Length or in chunks as it is told. */
class HttpConnectionTests {

    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<InetSocketAddress> clients = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        start(0);
    }

    private void start(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/api/orders", exchange -> answer(exchange, 202, "/api/orders/" + (received.size() + 1),
                false));
        server.createContext("/chunked", exchange -> answer(exchange, 202, "/api/orders/chunked", true));
        server.createContext("/full", exchange -> {
            exchange.getResponseHeaders().add("Retry-After", "1");
            answer(exchange, 503, null, false);
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void postsTheBodyAndReadsStatusAndHeadersOnOneKeptAliveConnection() throws IOException {
        try (HttpConnection connection = new HttpConnection(serverUri())) {
            HttpConnection.Response first = connection.post("/api/orders", "application/json",
                    "{\"n\":1}".getBytes(StandardCharsets.UTF_8));
            HttpConnection.Response second = connection.post("/api/orders", "application/json",
                    "{\"n\":2}".getBytes(StandardCharsets.UTF_8));

            assertThat(first.status()).isEqualTo(202);
            assertThat(first.header("Location")).isEqualTo("/api/orders/1");
            assertThat(second.header("location")).isEqualTo("/api/orders/2");
        }
        assertThat(received).containsExactly("{\"n\":1}", "{\"n\":2}");
        assertThat(clients).hasSize(2).satisfies(both -> assertThat(both.get(0)).isEqualTo(both.get(1)));
    }

    @Test
    void readsPastAChunkedBodyToTheNextAnswer() throws IOException {
        try (HttpConnection connection = new HttpConnection(serverUri())) {
            assertThat(connection.post("/chunked", "application/json", new byte[0]).header("Location"))
                    .isEqualTo("/api/orders/chunked");
            assertThat(connection.post("/api/orders", "application/json", "{}".getBytes(StandardCharsets.UTF_8))
                    .status()).isEqualTo(202);
        }
    }

    @Test
    void returnsARefusalWithItsRetryAfter() throws IOException {
        try (HttpConnection connection = new HttpConnection(serverUri())) {
            HttpConnection.Response refused = connection.post("/full", "application/json", new byte[0]);

            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isEqualTo("1");
        }
    }

    @Test
    void opensANewConnectionWhenTheServerClosedTheLastOne() throws IOException {
        try (HttpConnection connection = new HttpConnection(serverUri())) {
            connection.post("/api/orders", "application/json", "{}".getBytes(StandardCharsets.UTF_8));
            int port = server.getAddress().getPort();
            server.stop(0);
            start(port);
            HttpConnection.Response answered;
            try {
                answered = connection.post("/api/orders", "application/json", "{}".getBytes(StandardCharsets.UTF_8));
            }
            catch (IOException closedByTheOldServer) {
                // The first try may still find the old connection; the next opens a new one.
                answered = connection.post("/api/orders", "application/json", "{}".getBytes(StandardCharsets.UTF_8));
            }
            assertThat(answered.status()).isEqualTo(202);
        }
    }

    private URI serverUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void answer(HttpExchange exchange, int status, String location, boolean chunked) throws IOException {
        received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        clients.add(exchange.getRemoteAddress());
        if (location != null) {
            exchange.getResponseHeaders().add("Location", location);
        }
        byte[] body = "{\"status\":\"PENDING\"}".getBytes(StandardCharsets.UTF_8);
        // A length of 0 makes the JDK's server send chunks.
        exchange.sendResponseHeaders(status, chunked ? 0 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
