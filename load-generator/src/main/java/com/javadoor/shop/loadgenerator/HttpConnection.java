package com.javadoor.shop.loadgenerator;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 connection, kept open from one request to the next, written and read by hand. The
 * generator shares the machine with the shop it measures, so whatever CPU it spends is taken from the
 * shop: the JDK's {@code HttpClient} (a selector thread, futures and header maps per request) was half a
 * CPU-millisecond per order here (docs/BENCHMARKS.md). This speaks just what a POST to the shop needs: a
 * request with a body, and an answer whose body comes with a {@code Content-Length} or in chunks and is
 * skipped. Not thread-safe: one per client thread.
 */
final class HttpConnection implements AutoCloseable {

    /** The server (Tomcat closes idle connections after a while) may have closed one unused this long. */
    private static final long REOPEN_AFTER_IDLE_NANOS = Duration.ofSeconds(2).toNanos();
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int READ_TIMEOUT_MILLIS = 30_000;

    /** The status and headers of an answer; header names in lower case. */
    record Response(int status, Map<String, String> headers) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final InetSocketAddress address;
    private final String host;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private long lastUsedNanos;

    HttpConnection(URI server) {
        int port = server.getPort() > 0 ? server.getPort() : 80;
        this.address = new InetSocketAddress(server.getHost(), port);
        this.host = server.getHost() + ":" + port;
    }

    Response post(String path, String contentType, byte[] body) throws IOException {
        if (socket != null && System.nanoTime() - lastUsedNanos > REOPEN_AFTER_IDLE_NANOS) {
            close();
        }
        if (socket == null) {
            open();
        }
        try {
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: " + contentType
                    + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            Response response = readResponse();
            lastUsedNanos = System.nanoTime();
            if ("close".equalsIgnoreCase(response.header("Connection"))) {
                close();
            }
            return response;
        }
        catch (IOException ex) {
            close();
            throw ex;
        }
    }

    private void open() throws IOException {
        Socket opened = new Socket();
        opened.setTcpNoDelay(true);
        opened.setSoTimeout(READ_TIMEOUT_MILLIS);
        opened.connect(address, CONNECT_TIMEOUT_MILLIS);
        socket = opened;
        in = new BufferedInputStream(opened.getInputStream(), 8192);
        out = new BufferedOutputStream(opened.getOutputStream(), 8192);
    }

    private Response readResponse() throws IOException {
        String statusLine = readLine();
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
            throw new IOException("Not an HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        Map<String, String> headers = new HashMap<>();
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        Response response = new Response(status, headers);
        skipBody(response);
        return response;
    }

    private void skipBody(Response response) throws IOException {
        if ("chunked".equalsIgnoreCase(response.header("Transfer-Encoding"))) {
            for (long size = chunkSize(); size > 0; size = chunkSize()) {
                skip(size);
                readLine();
            }
            for (String trailer = readLine(); !trailer.isEmpty(); trailer = readLine()) {
                // trailers are not used
            }
        }
        else if (response.header("Content-Length") != null) {
            skip(Long.parseLong(response.header("Content-Length")));
        }
        else if (response.status() != 204 && response.status() != 304) {
            throw new IOException("An answer without Content-Length or chunks: " + response.status());
        }
    }

    private long chunkSize() throws IOException {
        String line = readLine();
        int extension = line.indexOf(';');
        return Long.parseLong((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
    }

    private void skip(long bytes) throws IOException {
        for (long left = bytes; left > 0;) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("Connection closed in the middle of an answer");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("Connection closed by the server");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            }
            catch (IOException ignored) {
                // closing a broken connection
            }
            socket = null;
        }
    }
}
