package com.javadoor.shop.orderservice.system;

import com.javadoor.shop.events.Topics;
import com.javadoor.shop.messaging.EventTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The topic Order Service writes, and the dead-letter topics of the two it reads. Partitions and
 * retention are the shop-wide settings of {@link EventTopics}.
 */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

    /**
     * Every order's events, keyed by order id. Three partitions: up to three instances of each consuming
     * service share the work, and the key keeps one order's events in order on one partition. The count
     * stays: partitions added later would move keys to other partitions, and an order's next event could
     * overtake the one before. Kept a week, to replay it or start a new consumer from history.
     */
    @Bean
    NewTopic ordersTopic(EventTopics topics) {
        return topics.eventTopic(Topics.ORDERS);
    }

    /**
     * Where a {@code payments} record goes that this service could not read or settle after its retries,
     * so the partition moves on. Kept four weeks: each record waits for a person.
     */
    @Bean
    NewTopic paymentsDeadLetterTopic(EventTopics topics) {
        return topics.deadLetterTopic(Topics.PAYMENTS);
    }

    /** The same for {@code inventory} records. */
    @Bean
    NewTopic inventoryDeadLetterTopic(EventTopics topics) {
        return topics.deadLetterTopic(Topics.INVENTORY);
    }
}
