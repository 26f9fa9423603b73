package com.javadoor.shop.emailservice.system;

import com.javadoor.shop.events.Topics;
import com.javadoor.shop.messaging.EventTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The topic Email Service writes, and the dead-letter topic of the one it reads: an order event whose
 * mail could not be sent after the retries (the SMTP server was away too long) waits there.
 */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

    /**
     * One event per mail sent, keyed by order id like every event. Three partitions, the shop's one
     * setting; kept a week, to replay it or start a new consumer from history.
     */
    @Bean
    NewTopic notificationsTopic(EventTopics topics) {
        return topics.eventTopic(Topics.NOTIFICATIONS);
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
