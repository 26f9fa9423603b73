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

    @Bean
    NewTopic notificationsTopic(EventTopics topics) {
        return topics.eventTopic(Topics.NOTIFICATIONS);
    }

    @Bean
    NewTopic ordersDeadLetterTopic(EventTopics topics) {
        return topics.deadLetterTopic(Topics.ORDERS);
    }
}
