package com.javadoor.shop.loadgenerator;

import com.javadoor.shop.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * How many records of the shop's topics its consumer groups have yet to handle. A round starts only when
 * this is zero and its CPU is counted until it is zero again, so work left over from an earlier round
 * (mails are sent long after the order is final) is neither charged to the next round nor left out of its own.
 */
final class ShopLag implements AutoCloseable {

    private static final Set<String> SHOP_TOPICS = Set.of(Topics.ORDERS, Topics.PAYMENTS, Topics.INVENTORY,
            Topics.NOTIFICATIONS);

    private final Admin admin;

    ShopLag(String bootstrapServers) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** @return the records not yet handled, summed over the groups and partitions; -1 if the broker did not say */
    long total() throws InterruptedException {
        try {
            List<Map.Entry<TopicPartition, Long>> committed = new ArrayList<>();
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
                admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get()
                        .forEach((partition, offset) -> {
                            if (offset != null && SHOP_TOPICS.contains(partition.topic())) {
                                committed.add(Map.entry(partition, offset.offset()));
                            }
                        });
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.forEach(entry -> latest.put(entry.getKey(), OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            return committed.stream()
                    .mapToLong(entry -> Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue())).sum();
        }
        catch (ExecutionException ex) {
            return -1;
        }
    }

    /** Waits until nothing is left to handle, or the time is up. @return the lag left */
    long awaitSettled(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        long lag = total();
        while (lag != 0 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            lag = total();
        }
        return lag;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
