package com.javadoor.shop.paymentservice.system;

import com.javadoor.shop.events.Topics;
import com.javadoor.shop.messaging.EventTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The topic Payment Service writes, and the dead-letter topic of the one it reads. Partitions and
 * retention are the shop-wide settings of {@link EventTopics}: three partitions, so up to three
 * instances share the charging while one order's events keep their order; a week of history.
 */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

    @Bean
    NewTopic paymentsTopic(EventTopics topics) {
        return topics.eventTopic(Topics.PAYMENTS);
    }

    @Bean
    NewTopic ordersDeadLetterTopic(EventTopics topics) {
        return topics.deadLetterTopic(Topics.ORDERS);
    }
}
