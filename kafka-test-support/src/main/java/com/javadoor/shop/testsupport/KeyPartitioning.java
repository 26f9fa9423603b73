package com.javadoor.shop.testsupport;

import com.javadoor.shop.events.OrderId;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.apache.kafka.common.utils.Utils;

/**
 * Where the producer's default partitioner puts a record with a key: computed from the key alone, so
 * it is the same in every client, and a test can choose keys that share a partition.
 */
public final class KeyPartitioning {

    private KeyPartitioning() {
    }

    /** The partition of {@code key} on a topic of {@code partitions} partitions. */
    public static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** A new order whose events land on the same partition as {@code order}'s. */
    public static OrderId orderOnSamePartitionAs(OrderId order, int partitions) {
        int partition = partitionOf(order.toString(), partitions);
        return Stream.generate(OrderId::random)
                .filter(candidate -> partitionOf(candidate.toString(), partitions) == partition)
                .findFirst().orElseThrow();
    }
}
