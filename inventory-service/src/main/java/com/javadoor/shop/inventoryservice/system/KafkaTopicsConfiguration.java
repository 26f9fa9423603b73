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

    @Bean
    NewTopic inventoryTopic(EventTopics topics) {
        return topics.eventTopic(Topics.INVENTORY);
    }

    @Bean
    NewTopic ordersDeadLetterTopic(EventTopics topics) {
        return topics.deadLetterTopic(Topics.ORDERS);
    }
}
