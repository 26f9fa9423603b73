package com.javadoor.shop.insightsservice.sales;

import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * The sales topology as the {@code salesStreams} health component. Spring Boot has no Kafka Streams
 * health indicator, and a topology that stopped after an error would otherwise go unnoticed while the
 * rest of the service answers. Rebalancing is normal operation, not a failure.
 */
@Component
class SalesStreamsHealthIndicator implements HealthIndicator {

    private static final Set<State> FAILED = Set.of(State.PENDING_ERROR, State.ERROR, State.PENDING_SHUTDOWN,
            State.NOT_RUNNING);

    private final StreamsBuilderFactoryBean streams;

    SalesStreamsHealthIndicator(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    @Override
    public Health health() {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null) {
            return Health.unknown().withDetail("state", "not started").build();
        }
        State state = kafkaStreams.state();
        return (FAILED.contains(state) ? Health.down() : Health.up()).withDetail("state", state).build();
    }
}
