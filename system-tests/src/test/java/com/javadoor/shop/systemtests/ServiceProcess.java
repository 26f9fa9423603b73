package com.javadoor.shop.systemtests;

import com.javadoor.shop.testsupport.ChildProcesses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One service of the shop as its own operating-system process, started from the executable jar the
 * build produced, exactly as a user runs it. It can be stopped politely or killed, and started again
 * on the same port and database.
 */
public final class ServiceProcess {

    private static final HttpClient http = HttpClient.newHttpClient();

    private final String name;
    private final int port;
    private final List<String> arguments;
    private final Path log;
    private Process process;
    private List<String> extraArguments = List.of();

    ServiceProcess(String name, int port, List<String> arguments, Path logDirectory) {
        this.name = name;
        this.port = port;
        this.arguments = List.copyOf(arguments);
        this.log = logDirectory.resolve(name + ".log");
    }

    public String name() {
        return name;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The process's output, appended over all its starts. */
    public Path log() {
        return log;
    }

    /** How often the log says {@code text} so far. */
    public long logLinesContaining(String text) {
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains(text)).count();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public synchronized void start() {
        start(List.of());
    }

    /** Starts the service with settings of its own after the shop's, until the next start without them. */
    public synchronized void start(List<String> extra) {
        Path jar = Path.of(System.getProperty("shop.repository"), name, "target",
                name + "-" + System.getProperty("shop.version") + ".jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Build the services first: " + jar + " is missing");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
                "-jar", jar.toString(), "--server.port=" + port));
        command.addAll(arguments);
        command.addAll(extra);
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            extraArguments = List.copyOf(extra);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The settings of its own it was last started with. */
    public synchronized List<String> extraArguments() {
        return extraArguments;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public boolean isHealthy() {
        if (!isRunning()) {
            throw new IllegalStateException(name + " is not running; see " + log);
        }
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        }
        catch (IOException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGTERM: Spring closes the context, the listeners commit what they finished. */
    public synchronized void stop() {
        halt(false);
    }

    /** SIGKILL: the process vanishes mid-work, as in a crash or an OOM kill. */
    public synchronized void kill() {
        halt(true);
    }

    private void halt(boolean forcibly) {
        if (process == null) {
            return;
        }
        ChildProcesses.stop(process, forcibly, Duration.ofSeconds(30));
        process = null;
    }
}
