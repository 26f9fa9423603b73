package com.javadoor.shop.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * How far one consumer group is behind: for each partition it reads, the records written after the
 * offset it last committed. A lag that keeps growing means the group's consumers are stopped, stuck on
 * a record or too few for the load; a lag that goes back to zero after a burst is healthy.
 *
 * @param state      the group's state at the broker: STABLE while members consume, EMPTY when none is there
 * @param members    how many consumers are in the group now
 * @param lag        the sum over the partitions
 * @param partitions per topic partition, ordered by topic then partition
 */
record ConsumerGroupLag(String state, int members, long lag, List<PartitionLag> partitions) {

    /**
     * @param committed the group's committed offset per partition it reads, {@code null} for a partition
     *                  assigned to a member that has committed nothing on it yet
     * @param start     the first offset of each partition in {@code committed} without an offset
     * @param end       the end offset of each partition; a partition without one no longer exists
     */
    static ConsumerGroupLag of(String state, int members, Map<TopicPartition, Long> committed,
            Map<TopicPartition, Long> start, Map<TopicPartition, Long> end) {
        List<PartitionLag> partitions = new ArrayList<>();
        committed.forEach((partition, offset) -> {
            Long to = end.get(partition);
            if (to != null) {
                // Nothing committed yet: the consumer starts at the beginning (auto.offset.reset=earliest).
                long from = offset != null ? offset : start.getOrDefault(partition, 0L);
                partitions.add(new PartitionLag(partition.topic(), partition.partition(), offset, to,
                        Math.max(0, to - from)));
            }
        });
        return new ConsumerGroupLag(state, members, partitions.stream().mapToLong(PartitionLag::lag).sum(),
                partitions);
    }

    /**
     * @param committedOffset the next offset the group will read, {@code null} while it has committed none
     *                        on this partition
     * @param endOffset       the offset the next record written to the partition will get
     * @param lag             records between the two
     */
    record PartitionLag(String topic, int partition, Long committedOffset, long endOffset, long lag) {
    }
}
