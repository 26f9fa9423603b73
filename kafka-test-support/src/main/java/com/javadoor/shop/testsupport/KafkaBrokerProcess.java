package com.javadoor.shop.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.awaitility.Awaitility;

/**
 * A single-node KRaft broker in its own operating-system process, on a fixed port and data directory,
 * for tests that must take the broker away and bring it back: stop it, kill it, start it again with
 * its data intact. It runs Apache Kafka's own server class from the test classpath.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private final int port;
    private final int controllerPort;
    private final Path directory;
    private final String clusterId = Uuid.randomUuid().toString();
    private Process process;

    private KafkaBrokerProcess(int port, int controllerPort, Path directory) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.directory = directory;
    }

    /** Reserves two free ports and a data directory; nothing runs until {@link #start()}. */
    public static KafkaBrokerProcess onFreePorts() {
        try {
            return new KafkaBrokerProcess(freePort(), freePort(), Files.createTempDirectory("kafka-broker-"));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Formats the storage on first start, then starts the broker and waits until it answers. */
    public synchronized void start() {
        try {
            Path config = writeConfig();
            if (!Files.exists(directory.resolve("logs/meta.properties"))) {
                KafkaJvm.formatStorage(clusterId, config);
            }
            process = KafkaJvm.java(List.of("-Xms128m", "-Xmx384m"), List.of("kafka.Kafka", config.toString()))
                    .redirectOutput(directory.resolve("broker.out").toFile())
                    .redirectErrorStream(true)
                    .start();
            Awaitility.await("broker on " + bootstrapServers()).atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250)).until(this::answers);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A clean shutdown, as an operator would do it. */
    public synchronized void stop() {
        halt(false);
    }

    /** {@code kill -9}: no shutdown hook, no flush. */
    public synchronized void kill() {
        halt(true);
    }

    @Override
    public void close() {
        kill();
    }

    private void halt(boolean forcibly) {
        if (process == null) {
            return;
        }
        ChildProcesses.stop(process, forcibly, Duration.ofSeconds(60));
        process = null;
    }

    private boolean answers() {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("Broker process ended; see " + directory.resolve("broker.out"));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 1000))) {
            return !admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty();
        }
        catch (Exception ex) {
            return false;
        }
    }

    private Path writeConfig() throws IOException {
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + directory.resolve("logs"),
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "");
        return Files.writeString(directory.resolve("server.properties"), properties);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
