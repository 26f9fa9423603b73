package com.javadoor.shop.messaging;

import static java.util.stream.Collectors.toMap;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The consumer groups of the cluster as the broker sees them, through the one admin client of the
 * service: how far each group is behind, and moving a group's offsets back to replay a topic.
 */
class ConsumerGroups implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Comparator<TopicPartition> BY_TOPIC_AND_PARTITION = Comparator
            .comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

    private final Admin admin;

    ConsumerGroups(Admin admin) {
        this.admin = admin;
    }

    /**
     * The lag of each consumer group that {@code selected} accepts, by group id. A group's partitions are
     * those it committed an offset on and those assigned to its members now, so that a new group that
     * has not committed anything yet shows its whole backlog.
     */
    Map<String, ConsumerGroupLag> lag(Predicate<String> selected) {
        List<String> ids = await(admin.listGroups(ListGroupsOptions.forConsumerGroups()).all()).stream()
                .map(GroupListing::groupId).filter(selected).sorted().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, KafkaFuture<ConsumerGroupDescription>> described = admin.describeConsumerGroups(ids)
                .describedGroups();
        Map<String, Map<TopicPartition, OffsetAndMetadata>> offsets = await(admin.listConsumerGroupOffsets(
                ids.stream().collect(toMap(Function.identity(), id -> new ListConsumerGroupOffsetsSpec()))).all());
        Map<String, ConsumerGroupDescription> groups = new TreeMap<>();
        Map<String, Map<TopicPartition, Long>> committed = new HashMap<>();
        for (String id : ids) {
            ConsumerGroupDescription group = describedOrNull(described.get(id));
            if (group != null) {
                groups.put(id, group);
                committed.put(id, committedOrAssigned(group, offsets.getOrDefault(id, Map.of())));
            }
        }
        Set<TopicPartition> read = new HashSet<>();
        Set<TopicPartition> uncommitted = new HashSet<>();
        committed.values().forEach(positions -> positions.forEach((partition, offset) -> {
            read.add(partition);
            if (offset == null) {
                uncommitted.add(partition);
            }
        }));
        Map<TopicPartition, Long> end = offsets(read, OffsetSpec.latest());
        Map<TopicPartition, Long> start = offsets(uncommitted, OffsetSpec.earliest());
        Map<String, ConsumerGroupLag> lag = new TreeMap<>();
        groups.forEach((id, group) -> lag.put(id, ConsumerGroupLag.of(group.groupState().name(),
                group.members().size(), committed.get(id), start, end)));
        return lag;
    }

    /**
     * Moves the committed offsets of {@code group} on every partition of {@code topic} to {@code to}: the
     * earliest offset still kept, to replay the whole history, or the first record at or after a time (the
     * end of the partition when there is none). Its consumers read from there when they next start.
     *
     * @return the new committed offset per partition
     * @throws GroupNotEmptyException while the group has members: the broker takes new offsets only from
     *                                a group whose consumers have all stopped, in every instance
     */
    Map<TopicPartition, Long> rewind(String group, String topic, OffsetSpec to) {
        ConsumerGroupDescription description = describedOrNull(
                admin.describeConsumerGroups(List.of(group)).describedGroups().get(group));
        Collection<MemberDescription> members = description == null ? List.of() : description.members();
        if (!members.isEmpty()) {
            throw new GroupNotEmptyException("Consumer group " + group + " still has " + members.size()
                    + " member(s) " + members.stream().map(m -> m.clientId() + "@" + m.host()).toList()
                    + ": stop the consumers of every instance first");
        }
        List<TopicPartition> partitions = await(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic)
                .partitions().stream().map(info -> new TopicPartition(topic, info.partition())).toList();
        Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> target = new TreeMap<>(BY_TOPIC_AND_PARTITION);
        offsets(partitions, to).forEach((partition, offset) -> target.put(partition,
                offset >= 0 ? offset : end.get(partition)));
        await(admin.alterConsumerGroupOffsets(group, target.entrySet().stream()
                .collect(toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())))).all());
        return target;
    }

    @Override
    public void close() {
        // Bounded, so that a broker that went away cannot hold up the shutdown of the service.
        admin.close(Duration.ofSeconds(5));
    }

    /** Committed offsets, and {@code null} for partitions assigned to a member that has committed none. */
    private static Map<TopicPartition, Long> committedOrAssigned(ConsumerGroupDescription group,
            Map<TopicPartition, OffsetAndMetadata> offsets) {
        Map<TopicPartition, Long> committed = new TreeMap<>(BY_TOPIC_AND_PARTITION);
        offsets.forEach((partition, offset) -> {
            if (offset != null) {
                committed.put(partition, offset.offset());
            }
        });
        group.members().forEach(member -> member.assignment().topicPartitions()
                .forEach(partition -> committed.putIfAbsent(partition, null)));
        return committed;
    }

    /** A group that is gone, or was never there, has neither members nor offsets. */
    private static ConsumerGroupDescription describedOrNull(KafkaFuture<ConsumerGroupDescription> description) {
        try {
            return await(description);
        }
        catch (IllegalStateException ex) {
            if (ex.getCause() instanceof GroupIdNotFoundException) {
                return null;
            }
            throw ex;
        }
    }

    /** Offsets of the partitions that still exist; a topic deleted since a group read it has none. */
    private Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, OffsetSpec spec) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        ListOffsetsResult result = admin.listOffsets(partitions.stream()
                .collect(toMap(Function.identity(), partition -> spec)));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            try {
                offsets.put(partition, await(result.partitionResult(partition)).offset());
            }
            catch (IllegalStateException ex) {
                if (!(ex.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw ex;
                }
            }
        }
        return offsets;
    }

    private static <T> T await(KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the broker", ex);
        }
        catch (ExecutionException ex) {
            if (ex.getCause() instanceof GroupNotEmptyException notEmpty) {
                throw notEmpty;
            }
            throw new IllegalStateException("The broker answered: " + ex.getCause(), ex.getCause());
        }
        catch (TimeoutException ex) {
            throw new IllegalStateException("No answer from the broker within " + TIMEOUT, ex);
        }
    }
}
