package com.javadoor.shop.inventoryservice.system;

import com.javadoor.shop.events.Topics;
import com.javadoor.shop.messaging.EventTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The topic Inventory Service writes, and the dead-letter topic of the one it reads. Partitions and
 * retention are the shared ones of {@link EventTopics}: three partitions for up to three instances,
 * a week of events for replay.
 */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

    /**
     * Outcomes of reserving and releasing stock, keyed by order id like every event, so that an order's
     * reservation and its release keep their order. Three partitions, shared by up to three instances of
     * a service that reads them; kept a week, to replay or to start a new consumer from history.
     */
    @Bean
    NewTopic inventoryTopic(EventTopics topics) {
        return topics.eventTopic(Topics.INVENTORY);
    }

    /**
     * Where an {@code orders} record goes that this service could not read or handle after its retries,
     * so the partition moves on. Payment, Inventory and Email Service each declare it, alike; a record
     * there names the consumer group it failed in (spring-kafka's {@code kafka_dlt-original-consumer-group}
     * header). Kept four weeks: each record waits for a person.
     */
    @Bean
    NewTopic ordersDeadLetterTopic(EventTopics topics) {
        return topics.deadLetterTopic(Topics.ORDERS);
    }
}
