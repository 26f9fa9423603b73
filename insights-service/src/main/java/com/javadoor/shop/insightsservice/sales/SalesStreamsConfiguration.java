package com.javadoor.shop.insightsservice.sales;

import java.util.Properties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.MissingSourceTopicException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.kstream.KTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.config.TopicBuilder;

/**
 * EXACTLY ONCE. Sales totals are money: a lost order under-reports revenue, a doubled one
 * over-reports it, and nothing downstream could tell. Kafka Streams with {@code exactly_once_v2}
 * reads, updates its state and writes in one transaction, which is what exactly once costs: a
 * transaction per commit interval, and consumers of {@code product-sales} that read with
 * {@code isolation.level=read_committed}, or they see totals from transactions that were aborted.
 *
 * <p>Spring Boot builds the Streams configuration from {@code spring.kafka.streams.*} (application id
 * {@code insights-sales}, state directory); {@link EnableKafkaStreams} starts and stops the topology
 * with the application context.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class SalesStreamsConfiguration {

    /** Set in code so that no configuration file can weaken the guarantee (nor unbound the stores' memory). */
    @Bean
    StreamsBuilderFactoryBeanConfigurer exactlyOnce() {
        return factoryBean -> {
            Properties config = factoryBean.getStreamsConfiguration();
            config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
            // A record that is not an event of the shop is logged and skipped, not fatal to every sale after it.
            config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
            // The stores' native memory within one budget, not per store and partition.
            config.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
            factoryBean.setStreamsConfiguration(config);
        };
    }

    /**
     * Kafka Streams stops for good when a source topic is missing, and {@code orders} is created by
     * Order Service, which may start later: that one failure gets a new stream thread, which tries
     * again (once the group has dropped the old thread, about a session timeout later). Any other
     * failure stops the topology, as by default, and shows in the health endpoint.
     */
    @Bean
    StreamsBuilderFactoryBeanConfigurer waitForOrdersTopic() {
        return factoryBean -> factoryBean.setStreamsUncaughtExceptionHandler(failure ->
                failure instanceof MissingSourceTopicException ? StreamThreadExceptionResponse.REPLACE_THREAD
                        : StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }

    @Bean
    KTable<String, ProductSales> productSalesTotals(StreamsBuilder builder) {
        return SalesTopology.build(builder);
    }

    /**
     * Compacted: a reader wants the latest total per product, and each record is a complete total, so
     * the log may forget every older total of a product. A new reader (a dashboard, a warehouse job)
     * still gets every product from the beginning of the topic, however long the shop has run.
     * Replicas: the broker's default, one on a single development broker.
     */
    @Bean
    NewTopic productSalesTopic() {
        return TopicBuilder.name(SalesTopology.PRODUCT_SALES_TOPIC).partitions(3).compact().build();
    }
}
