package com.javadoor.shop.testsupport;

import java.util.Locale;
import org.apache.kafka.common.utils.AppInfoParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The one broker of this test JVM, started on first use and stopped when the JVM exits.
 *
 * <p>With a Docker engine it is the {@code apache/kafka} image at the version of the Kafka client on
 * the classpath (the one Spring Boot manages), through Testcontainers; without one it is an in-JVM
 * KRaft broker from spring-kafka-test. Tests see only {@link #bootstrapServers()}, so the same test
 * code runs on either. {@code -Dshop.test.broker=embedded|container} forces a choice.
 */
public final class SharedKafkaBroker {

    private static final Logger log = LoggerFactory.getLogger(SharedKafkaBroker.class);

    /** Three partitions, like the topics the services declare, so key ordering is really exercised. */
    static final int PARTITIONS = 3;

    private static String bootstrapServers;

    private SharedKafkaBroker() {
    }

    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            bootstrapServers = start();
        }
        return bootstrapServers;
    }

    private static String start() {
        String choice = System.getProperty("shop.test.broker", "auto").toLowerCase(Locale.ROOT);
        boolean container = switch (choice) {
            case "container" -> true;
            case "embedded" -> false;
            default -> DockerClientFactory.instance().isDockerAvailable();
        };
        return container ? startContainer() : startEmbedded();
    }

    private static String startContainer() {
        String image = "apache/kafka:" + AppInfoParser.getVersion();
        KafkaContainer kafka = new KafkaContainer(image)
                .withEnv("KAFKA_NUM_PARTITIONS", String.valueOf(PARTITIONS));
        kafka.start();
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop, "stop-kafka-container"));
        log.warn("Test broker: Testcontainers {} at {}", image, kafka.getBootstrapServers());
        return kafka.getBootstrapServers();
    }

    private static String startEmbedded() {
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
        kafka.brokerProperty("num.partitions", PARTITIONS);
        // One broker: Kafka transactions (the exactly-once tests) need their state log to fit on it.
        kafka.brokerProperty("transaction.state.log.replication.factor", (short) 1);
        kafka.brokerProperty("transaction.state.log.min.isr", 1);
        kafka.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::destroy, "stop-embedded-kafka"));
        log.warn("Test broker: in-JVM KRaft broker (Kafka {}) at {}", AppInfoParser.getVersion(),
                kafka.getBrokersAsString());
        return kafka.getBrokersAsString();
    }
}
