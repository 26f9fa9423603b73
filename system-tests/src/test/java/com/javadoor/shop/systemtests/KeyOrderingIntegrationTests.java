package com.javadoor.shop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.javadoor.shop.testsupport.KeyPartitioning;
import com.javadoor.shop.testsupport.SharedKafkaBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListener;

/**
 * Why every event of an order carries the order id as its key (the outbox relay of kafka-messaging
 * sends each event keyed so): the key picks the partition, one partition is read by one consumer of a
 * group at a time, and a partition is read in the order it was written. So the events of one order
 * arrive in the order they happened, however many consumers share the topic.
 *
 * <p>What is not ordered: events of different orders. They sit on different partitions, read by
 * different consumers at their own pace, so across orders the arrival order is not the order of
 * writing. Nothing in the shop relies on it; each service keeps per-order state only.
 *
 * <p>A topic of its own, with three partitions like {@code orders}, so no service in the test JVM sees
 * these records; plain numbered strings, since what is tested is the key, not the body.
 */
class KeyOrderingIntegrationTests {

    private static final int PARTITIONS = 3;
    private static final int ORDERS = 100;
    private static final int EVENTS_PER_ORDER = 3;

    private final String topic = "key-ordering-" + UUID.randomUUID();
    private final Map<String, List<Integer>> arrivedByOrder = new ConcurrentHashMap<>();
    private final Map<String, Set<Integer>> partitionsByOrder = new ConcurrentHashMap<>();
    private final Set<String> consumerThreads = ConcurrentHashMap.newKeySet();
    private final List<String> arrival = Collections.synchronizedList(new ArrayList<>());

    @Test
    void eventsOfOneOrderArriveInTheOrderTheyWereSentWhileThreeConsumersShareTheTopic() throws Exception {
        createTopic();
        List<String> orders = IntStream.range(0, ORDERS).mapToObj(i -> UUID.randomUUID().toString()).toList();
        ConcurrentMessageListenerContainer<String, String> consumers = threeConsumersInOneGroup();
        consumers.start();
        try {
            await("each consumer assigned one partition").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(consumers.getContainers()).hasSize(PARTITIONS).allSatisfy(consumer ->
                            assertThat(consumer.getAssignedPartitions()).hasSize(1)));

            List<String> written = sendInterleaved(orders);

            await().atMost(Duration.ofSeconds(60)).until(() -> arrival.size() >= written.size());
            assertThat(arrival).hasSameSizeAs(written);
            for (String order : orders) {
                assertThat(arrivedByOrder.get(order)).as("events of order %s in arrival order", order)
                        .containsExactly(1, 2, 3);
                assertThat(partitionsByOrder.get(order)).as("partitions of order %s", order)
                        .containsExactly(KeyPartitioning.partitionOf(order, PARTITIONS));
            }
            assertThat(consumerThreads).as("consumers that received events").hasSize(PARTITIONS);
            assertThat(arrival).as("arrival across orders").isNotEqualTo(written);
        }
        finally {
            consumers.stop();
        }
    }

    /**
     * Round after round, every order's next event, the orders shuffled anew each round: a busy shop,
     * where events of many orders are written between two events of one.
     *
     * @return "order:number" in the order written
     */
    private List<String> sendInterleaved(List<String> orders) {
        List<String> written = new ArrayList<>();
        Random random = new Random(7);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new StringSerializer())) {
            for (int number = 1; number <= EVENTS_PER_ORDER; number++) {
                List<String> round = new ArrayList<>(orders);
                Collections.shuffle(round, random);
                for (String order : round) {
                    producer.send(new ProducerRecord<>(topic, order, Integer.toString(number)));
                    written.add(order + ":" + number);
                }
            }
            producer.flush();
        }
        return written;
    }

    private ConcurrentMessageListenerContainer<String, String> threeConsumersInOneGroup() {
        DefaultKafkaConsumerFactory<String, String> factory = new DefaultKafkaConsumerFactory<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
        ContainerProperties properties = new ContainerProperties(topic);
        properties.setMessageListener((MessageListener<String, String>) this::record);
        ConcurrentMessageListenerContainer<String, String> container =
                new ConcurrentMessageListenerContainer<>(factory, properties);
        container.setConcurrency(PARTITIONS);
        container.setBeanName("key-ordering");
        return container;
    }

    private void record(ConsumerRecord<String, String> record) {
        arrivedByOrder.computeIfAbsent(record.key(), key -> Collections.synchronizedList(new ArrayList<>()))
                .add(Integer.valueOf(record.value()));
        partitionsByOrder.computeIfAbsent(record.key(), key -> ConcurrentHashMap.newKeySet())
                .add(record.partition());
        consumerThreads.add(Thread.currentThread().getName());
        arrival.add(record.key() + ":" + record.value());
    }

    private void createTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedKafkaBroker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
        }
    }
}
