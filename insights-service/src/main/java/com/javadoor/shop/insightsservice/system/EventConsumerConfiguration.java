package com.javadoor.shop.insightsservice.system;

import com.javadoor.shop.events.ShopEvent;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/** Every consumer of this service reads order-id keys and shop events. */
@Configuration(proxyBeanMethods = false)
class EventConsumerConfiguration {

    /**
     * A value that cannot be read becomes a failure the consumer sees next to the record, instead of an
     * exception inside {@code poll()} that would stop the partition.
     */
    @Bean
    DefaultKafkaConsumerFactoryCustomizer shopEventConsumers() {
        return factory -> {
            @SuppressWarnings("unchecked")
            DefaultKafkaConsumerFactory<String, ShopEvent> events = (DefaultKafkaConsumerFactory<String, ShopEvent>) factory;
            events.setKeyDeserializer(new StringDeserializer());
            events.setValueDeserializer(new ErrorHandlingDeserializer<>(new ShopEventSerde().deserializer()));
        };
    }
}
