package com.javadoor.shop.orderservice.system;

import com.javadoor.shop.events.Topics;
import com.javadoor.shop.messaging.EventTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The topic Order Service writes, and the dead-letter topics of the two it reads. */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

    @Bean
    NewTopic ordersTopic(EventTopics topics) {
        return topics.eventTopic(Topics.ORDERS);
    }

    @Bean
    NewTopic paymentsDeadLetterTopic(EventTopics topics) {
        return topics.deadLetterTopic(Topics.PAYMENTS);
    }

    @Bean
    NewTopic inventoryDeadLetterTopic(EventTopics topics) {
        return topics.deadLetterTopic(Topics.INVENTORY);
    }
}
