package com.javadoor.shop.insightsservice.activity;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.CommonLoggingErrorHandler;
import org.springframework.kafka.listener.ContainerProperties.AckMode;

/** The listener container of the at-most-once feed. */
@Configuration(proxyBeanMethods = false)
class ActivityConsumerConfiguration {

    static final String AT_MOST_ONCE = "atMostOnceContainerFactory";

    @Bean(AT_MOST_ONCE)
    ConcurrentKafkaListenerContainerFactory<Object, Object> atMostOnceContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumers);
        // The offset is committed, synchronously, the moment the listener acknowledges, which it does first.
        factory.getContainerProperties().setAckMode(AckMode.MANUAL_IMMEDIATE);
        // The listener catches what a record throws; anything else is logged and the container goes on: no
        // retry, no seek back (the default error handler would redeliver the records), no dead-letter topic.
        factory.setCommonErrorHandler(new CommonLoggingErrorHandler());
        return factory;
    }
}
