package com.javadoor.shop.systemtests.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * What the broker knows, asked as an operator would with {@code kafka-consumer-groups.sh}: how many
 * records each topic holds, and how far behind a consumer group is on a topic.
 */
final class BrokerView implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final Admin admin;

    BrokerView(String bootstrapServers) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis()));
    }

    /** Records written to the topic so far, over all its partitions: the sum of its end offsets. */
    long endOffset(String topic) {
        return offsets(partitions(topic), OffsetSpec.latest()).values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Records of {@code topic} that {@code group} has not committed yet. A partition the group never
     * committed on counts from its beginning, as the group's consumers (earliest) will read it.
     */
    long lag(String group, String topic) {
        List<TopicPartition> partitions = partitions(topic);
        Map<TopicPartition, OffsetAndMetadata> committed = get(admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata());
        Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> start = offsets(partitions, OffsetSpec.earliest());
        return partitions.stream().mapToLong(partition -> {
            OffsetAndMetadata offset = committed.get(partition);
            return end.get(partition) - (offset != null ? offset.offset() : start.get(partition));
        }).sum();
    }

    private List<TopicPartition> partitions(String topic) {
        return get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic).partitions().stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec) {
        return get(admin.listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec))).all())
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new IllegalStateException("The broker did not answer", ex);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
