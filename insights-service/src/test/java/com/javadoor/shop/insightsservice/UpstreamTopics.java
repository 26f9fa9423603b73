package com.javadoor.shop.insightsservice;

import com.javadoor.shop.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The topics Order, Payment and Inventory Service declare when they start, declared here as they
 * would be, before the test context's consumers and topology start: this service never creates them.
 */
@TestConfiguration(proxyBeanMethods = false)
public class UpstreamTopics {

    @Bean
    NewTopic ordersTopic() {
        return TopicBuilder.name(Topics.ORDERS).partitions(3).build();
    }

    @Bean
    NewTopic paymentsTopic() {
        return TopicBuilder.name(Topics.PAYMENTS).partitions(3).build();
    }

    @Bean
    NewTopic inventoryTopic() {
        return TopicBuilder.name(Topics.INVENTORY).partitions(3).build();
    }
}
