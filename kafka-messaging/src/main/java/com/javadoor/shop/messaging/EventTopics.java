package com.javadoor.shop.messaging;

import com.javadoor.shop.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Builds topic declarations the same way in every service: a service declares the topic it writes and
 * the dead-letter topics of the topics it reads; Spring's {@code KafkaAdmin} creates what is missing.
 */
public final class EventTopics {

    private final MessagingProperties.Topics settings;

    EventTopics(MessagingProperties.Topics settings) {
        this.settings = settings;
    }

    /** An event topic: deleted by age, not compacted, since every event of an order's history matters. */
    public NewTopic eventTopic(String name) {
        return TopicBuilder.name(name)
                .partitions(settings.partitions())
                .replicas(settings.replicationFactor())
                .config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(settings.retention().toMillis()))
                .build();
    }

    /** The dead-letter topic of {@code topic}: kept longer, since each record there waits for a person. */
    public NewTopic deadLetterTopic(String topic) {
        return TopicBuilder.name(topic + Topics.DEAD_LETTER_SUFFIX)
                .partitions(settings.partitions())
                .replicas(settings.replicationFactor())
                .config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(settings.deadLetterRetention().toMillis()))
                .build();
    }
}
