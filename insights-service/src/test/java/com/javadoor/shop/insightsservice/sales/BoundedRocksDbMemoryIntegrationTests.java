package com.javadoor.shop.insightsservice.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.javadoor.shop.insightsservice.InsightsIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

@InsightsIntegrationTest
class BoundedRocksDbMemoryIntegrationTests {

    @Autowired
    StreamsBuilderFactoryBean streams;

    @Test
    void everyStoreOfEveryPartitionSharesOneBoundedCache() {
        // RocksDB reports each store's block cache in Kafka Streams' metrics (KIP-607): shared, every store
        // sees the same 16 MiB; by default each would have a cache of its own of 50 MiB.
        await("the sales stores open").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, List<Double>> capacities = blockCacheCapacities(streams.getKafkaStreams());
            assertThat(capacities).containsKeys(SalesTopology.ORDERS_STORE, SalesTopology.TOTALS_STORE);
            assertThat(capacities).allSatisfy((store, ofEachPartition) -> assertThat(ofEachPartition).as(store)
                    .containsOnly((double) BoundedRocksDbMemory.TOTAL_BYTES));
        });
    }

    private static Map<String, List<Double>> blockCacheCapacities(KafkaStreams kafkaStreams) {
        assertThat(kafkaStreams).isNotNull();
        Map<MetricName, ? extends Metric> metrics = kafkaStreams.metrics();
        return metrics.entrySet().stream()
                .filter(metric -> metric.getKey().name().equals("block-cache-capacity"))
                .filter(metric -> metric.getValue().metricValue() instanceof Number)
                .collect(Collectors.groupingBy(metric -> metric.getKey().tags().get("rocksdb-state-id"),
                        Collectors.mapping(metric -> ((Number) metric.getValue().metricValue()).doubleValue(),
                                Collectors.toList())));
    }
}
