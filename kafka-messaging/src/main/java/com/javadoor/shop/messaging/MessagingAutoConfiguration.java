package com.javadoor.shop.messaging;

import com.javadoor.shop.events.ShopEvent;
import com.javadoor.shop.events.Topics;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.api.Location;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListenerConfigurer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the messaging infrastructure into a service that has this library, a DataSource and Kafka.
 * The delivery guarantees are set here in code, so no service's configuration file can weaken them.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(MessagingProperties.class)
class MessagingAutoConfiguration {

    /** Header of a dead-lettered record with the innermost cause of its failure. */
    static final String ROOT_CAUSE_HEADER = "shop_dlt-root-cause";

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    EventTopics eventTopics(MessagingProperties properties) {
        return new EventTopics(properties.topics());
    }

    @Bean
    OutboxRelay outboxRelay(JdbcTemplate jdbc, TransactionTemplate transaction, KafkaOperations<String, Object> kafka,
            MessagingProperties properties) {
        return new OutboxRelay(jdbc, transaction, kafka, properties.outbox());
    }

    @Bean
    EventPublisher eventPublisher(JdbcTemplate jdbc, EventCodec codec, OutboxRelay relay,
            @Value("${spring.application.name}") String source, Clock clock) {
        return new EventPublisher(jdbc, codec, relay, source, clock);
    }

    @Bean
    EventInbox eventInbox(JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock) {
        return new EventInbox(jdbc, transaction, clock);
    }

    @Bean
    ProcessedEventPurge processedEventPurge(JdbcTemplate jdbc, Clock clock, MessagingProperties properties) {
        return new ProcessedEventPurge(jdbc, clock, properties.inbox());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.h2.mvstore.MVStore")
    @ConditionalOnBooleanProperty(name = "shop.messaging.compaction.enabled", matchIfMissing = true)
    static class H2FileCompactionConfiguration {

        @Bean
        H2FileCompaction h2FileCompaction(DataSource dataSource, MessagingProperties properties) {
            return new H2FileCompaction(dataSource, properties.compaction());
        }
    }

    /** Acknowledged by every in-sync replica, and never written twice by a producer retry. */
    @Bean
    DefaultKafkaProducerFactoryCustomizer eventProducer(EventCodec codec) {
        return factory -> {
            factory.updateConfigs(Map.of(
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    // Fail a send within seconds when no broker answers; the outbox keeps the event.
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000));
            @SuppressWarnings("unchecked")
            DefaultKafkaProducerFactory<String, Object> events = (DefaultKafkaProducerFactory<String, Object>) factory;
            events.setKeySerializer(new StringSerializer());
            events.setValueSerializer(new EventSerializer(codec));
        };
    }

    /**
     * Offsets are committed by the listener container after the listener returns, never automatically
     * in the background; a new consumer group starts at the beginning of history.
     */
    @Bean
    DefaultKafkaConsumerFactoryCustomizer eventConsumer(EventCodec codec) {
        return factory -> {
            factory.updateConfigs(Map.of(
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
            @SuppressWarnings("unchecked")
            DefaultKafkaConsumerFactory<String, ShopEvent> events = (DefaultKafkaConsumerFactory<String, ShopEvent>) factory;
            events.setKeyDeserializer(new StringDeserializer());
            events.setValueDeserializer(new ErrorHandlingDeserializer<>(new EventDeserializer(codec)));
        };
    }

    /**
     * The one error policy of every listener: retry in place with growing pauses (a database that is
     * briefly away comes back), then publish the record with the failure in its headers to
     * {@code <topic>.DLT} and go on with the next. Unreadable records skip the retries.
     */
    @Bean
    CommonErrorHandler kafkaErrorHandler(KafkaOperations<String, Object> kafka, MessagingProperties properties) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
                // Partition -1: let the key choose, so a dead-letter topic needs no matching partition count.
                (record, failure) -> new TopicPartition(record.topic() + Topics.DEAD_LETTER_SUFFIX, -1));
        // spring-kafka's exception headers say "failed to deserialize"; this one names what was wrong.
        deadLetters.addHeadersFunction((record, failure) -> new RecordHeaders(new Header[] { new RecordHeader(
                ROOT_CAUSE_HEADER, NestedExceptionUtils.getMostSpecificCause(failure).toString()
                        .getBytes(StandardCharsets.UTF_8)) }));
        MessagingProperties.Consumer retry = properties.consumer();
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.retries());
        backOff.setInitialInterval(retry.initialInterval().toMillis());
        backOff.setMultiplier(2);
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
        handler.addNotRetryableExceptions(EventCodec.UnknownEventTypeException.class);
        return handler;
    }

    @Bean
    KafkaListenerConfigurer eventMetadataArguments() {
        return registrar -> registrar.setCustomMethodArgumentResolvers(new EventMetadataArgumentResolver());
    }

    /** The outbox and processed-event tables come with this library, migrated with the service's own. */
    @Bean
    FlywayConfigurationCustomizer messagingMigrations() {
        return configuration -> configuration.locations(Stream.concat(
                Arrays.stream(configuration.getLocations()), Stream.of(new Location("classpath:db/messaging")))
                .toArray(Location[]::new));
    }

    /** One admin client for looking at consumer groups, configured like Spring's {@code KafkaAdmin}. */
    @Bean
    ConsumerGroups consumerGroups(KafkaAdmin kafkaAdmin, @Value("${spring.application.name}") String service) {
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, service + "-consumer-groups");
        // An answer within seconds or an error: the lag endpoint must not hang while the broker is away.
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        return new ConsumerGroups(Admin.create(config));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterBinder.class)
    static class ConsumerLagMetricsConfiguration {

        @Bean
        ConsumerLagMetrics consumerLagMetrics(ConsumerGroups groups, MessagingProperties properties) {
            return new ConsumerLagMetrics(groups, properties.lag().selection(), properties.lag().refreshInterval());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
    static class ConsumerGroupEndpointsConfiguration {

        @Bean
        @ConditionalOnAvailableEndpoint
        ConsumerLagEndpoint consumerLagEndpoint(ConsumerGroups groups, MessagingProperties properties) {
            return new ConsumerLagEndpoint(groups, properties.lag().selection());
        }

        @Bean
        @ConditionalOnAvailableEndpoint
        ReplayEndpoint replayEndpoint(ConsumerGroups groups, KafkaListenerEndpointRegistry listeners) {
            return new ReplayEndpoint(groups, listeners);
        }
    }
}
