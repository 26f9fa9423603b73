package com.javadoor.shop.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.awaitility.Awaitility;

/**
 * A KRaft cluster of three nodes, each broker and controller at once and each its own operating-system
 * process, configured as production is: every partition on three brokers, a write acknowledged only
 * when two of them have it ({@code min.insync.replicas=2}). A test stops or kills single nodes and
 * starts them again with their data, to see what the shop does with one broker away, and with two.
 *
 * <p>Two nodes away is more than a lost replica: the three controllers are the same processes, so the
 * remaining one has no quorum either. That is what a combined-mode cluster of three really does.
 */
public final class KafkaCluster implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(90);

    private final List<Node> nodes;
    private final String clusterId = Uuid.randomUuid().toString();

    private KafkaCluster(List<Node> nodes) {
        this.nodes = nodes;
    }

    /** Reserves ports and data directories for three nodes; nothing runs until {@link #start()}. */
    public static KafkaCluster ofThreeNodes() {
        try {
            Path directory = Files.createTempDirectory("kafka-cluster-");
            List<Node> nodes = new ArrayList<>();
            for (int id = 1; id <= 3; id++) {
                nodes.add(new Node(id, freePort(), freePort(), directory.resolve("node-" + id)));
            }
            return new KafkaCluster(List.copyOf(nodes));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Every node's listener: a client that knows all three finds the cluster with any one of them up. */
    public String bootstrapServers() {
        return nodes.stream().map(Node::address).collect(Collectors.joining(","));
    }

    /**
     * Starts every node that is not running, all at once (a lone controller waits for a quorum), and
     * waits until each of them is a broker of the cluster. New nodes are all formatted first, so that
     * no format competes for the CPU with brokers starting.
     */
    public synchronized void start() {
        List<Node> stopped = nodes.stream().filter(node -> !node.isRunning()).toList();
        stopped.forEach(node -> node.prepare(this));
        stopped.forEach(Node::launch);
        awaitBrokers((int) nodes.stream().filter(Node::isRunning).count());
    }

    /** Starts one node again, with the data it had, and waits until the cluster counts it as a broker. */
    public synchronized void start(int nodeId) {
        Node node = node(nodeId);
        node.prepare(this);
        node.launch();
        awaitBrokers((int) nodes.stream().filter(Node::isRunning).count());
    }

    /** A clean shutdown of one node: it hands its partition leaderships over if a controller can take them. */
    public synchronized void stop(int nodeId) {
        node(nodeId).halt(false);
    }

    /** {@code kill -9} of one node. */
    public synchronized void kill(int nodeId) {
        node(nodeId).halt(true);
    }

    public synchronized boolean isRunning(int nodeId) {
        return node(nodeId).isRunning();
    }

    @Override
    public void close() {
        nodes.forEach(node -> node.halt(true));
    }

    private Node node(int nodeId) {
        return nodes.stream().filter(node -> node.id == nodeId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No node " + nodeId));
    }

    private void awaitBrokers(int expected) {
        Awaitility.await(expected + " brokers in the cluster at " + bootstrapServers()).atMost(STARTUP)
                .pollInterval(Duration.ofMillis(500)).until(() -> liveBrokers() >= expected);
    }

    private int liveBrokers() {
        nodes.forEach(Node::failIfEnded);
        String running = nodes.stream().filter(Node::isRunning).map(Node::address).collect(Collectors.joining(","));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, running,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000))) {
            return admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).size();
        }
        catch (Exception ex) {
            return 0;
        }
    }

    private String voters() {
        return nodes.stream().map(node -> node.id + "@127.0.0.1:" + node.controllerPort)
                .collect(Collectors.joining(","));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static final class Node {

        private final int id;
        private final int port;
        private final int controllerPort;
        private final Path directory;
        private Process process;
        private boolean stoppedOnPurpose = true;

        Node(int id, int port, int controllerPort, Path directory) {
            this.id = id;
            this.port = port;
            this.controllerPort = controllerPort;
            this.directory = directory;
        }

        String address() {
            return "127.0.0.1:" + port;
        }

        synchronized boolean isRunning() {
            return process != null && process.isAlive();
        }

        synchronized void failIfEnded() {
            if (!stoppedOnPurpose && !isRunning()) {
                throw new IllegalStateException("Kafka node " + id + " ended; see " + directory.resolve("broker.out"));
            }
        }

        /** Writes the node's configuration and, the first time, formats its storage. */
        synchronized void prepare(KafkaCluster cluster) {
            try {
                Files.createDirectories(directory);
                Files.writeString(config(), properties(cluster.voters()));
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            if (!Files.exists(directory.resolve("logs/meta.properties"))) {
                KafkaJvm.formatStorage(cluster.clusterId, config());
            }
        }

        synchronized void launch() {
            if (isRunning()) {
                return;
            }
            try {
                process = KafkaJvm.java(List.of("-Xms128m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                                List.of("kafka.Kafka", config().toString()))
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("broker.out").toFile()))
                        .redirectErrorStream(true)
                        .start();
                stoppedOnPurpose = false;
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        private Path config() {
            return directory.resolve("server.properties");
        }

        synchronized void halt(boolean forcibly) {
            stoppedOnPurpose = true;
            if (process == null) {
                return;
            }
            // A node without a quorum can hang in its controlled shutdown; it is killed after a minute.
            ChildProcesses.stop(process, forcibly, Duration.ofSeconds(60));
            process = null;
        }

        private String properties(String voters) {
            return String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=" + id,
                    "controller.quorum.voters=" + voters,
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                    "controller.listener.names=CONTROLLER",
                    "inter.broker.listener.name=PLAINTEXT",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "log.dirs=" + directory.resolve("logs"),
                    "num.partitions=3",
                    "default.replication.factor=3",
                    "min.insync.replicas=2",
                    "offsets.topic.replication.factor=3",
                    "transaction.state.log.replication.factor=3",
                    "transaction.state.log.min.isr=2",
                    // A replica that died without saying so leaves the in-sync set after 10 s instead of 30 s.
                    "replica.lag.time.max.ms=10000",
                    "group.initial.rebalance.delay.ms=0",
                    "");
        }
    }
}
